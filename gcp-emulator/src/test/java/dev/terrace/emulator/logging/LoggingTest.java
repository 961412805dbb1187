package dev.terrace.emulator.logging;

import static dev.terrace.emulator.support.Calls.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.MonitoredResource;
import com.google.api.gax.rpc.BidiStream;
import com.google.cloud.logging.v2.LoggingClient;
import com.google.cloud.logging.v2.LoggingSettings;
import com.google.cloud.secretmanager.v1.Replication;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import com.google.logging.type.LogSeverity;
import com.google.logging.v2.ListLogEntriesRequest;
import com.google.logging.v2.LogEntry;
import com.google.logging.v2.TailLogEntriesRequest;
import com.google.logging.v2.TailLogEntriesResponse;
import com.google.logging.v2.WriteLogEntriesRequest;
import dev.terrace.emulator.Apis;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.emulator.support.Clients;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoggingTest {
  private static final String PROJECT = "projects/sandbox-project";
  private static final String RUN_LOG = PROJECT + "/logs/run.googleapis.com%2Fstdout";

  private Emulator emulator;
  private LoggingClient logging;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.builder().enabledServices(Set.of(Apis.LOGGING, Apis.SECRET_MANAGER)).build());
    logging =
        LoggingClient.create(
            LoggingSettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials()).build());
  }

  @AfterEach
  void stop() {
    logging.close();
    emulator.close();
  }

  @Test
  void writtenEntriesAreListedWithFilter() {
    write("app", LogSeverity.INFO, "GET /health/ 200");
    write("app", LogSeverity.ERROR, "database unreachable");
    write("other", LogSeverity.ERROR, "other service");

    List<LogEntry> errors =
        list("resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"app\" AND severity>=ERROR");

    assertThat(errors).extracting(LogEntry::getTextPayload).containsExactly("database unreachable");
    assertThat(errors.get(0).getInsertId()).isNotEmpty();
    assertThat(errors.get(0).hasReceiveTimestamp()).isTrue();
  }

  @Test
  void listOrdersNewestFirstOnRequest() {
    write("app", LogSeverity.INFO, "first");
    write("app", LogSeverity.INFO, "second");

    var response =
        logging.listLogEntries(
            ListLogEntriesRequest.newBuilder().addResourceNames(PROJECT).setFilter("logName=\"" + RUN_LOG + "\"").setOrderBy("timestamp desc").build());

    List<String> texts = new ArrayList<>();
    response.iterateAll().forEach(e -> texts.add(e.getTextPayload()));
    assertThat(texts).containsExactly("second", "first");
  }

  @Test
  void invalidFilterIsInvalidArgument() {
    Throwable error = failureOf(() -> list("severity>=LOUD"));

    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void tailStreamsNewEntries() {
    BidiStream<TailLogEntriesRequest, TailLogEntriesResponse> stream = logging.tailLogEntriesCallable().call();
    stream.send(TailLogEntriesRequest.newBuilder().addResourceNames(PROJECT).setFilter("severity>=WARNING").build());
    waitForSubscriber();

    write("app", LogSeverity.INFO, "quiet");
    write("app", LogSeverity.WARNING, "slow request");

    Iterator<TailLogEntriesResponse> responses = stream.iterator();
    TailLogEntriesResponse first = responses.next();
    stream.closeSend();
    stream.cancel();
    assertThat(first.getEntriesList()).extracting(LogEntry::getTextPayload).containsExactly("slow request");
  }

  @Test
  void adminActivityIsAudited() throws Exception {
    try (SecretManagerServiceClient secrets =
        SecretManagerServiceClient.create(
            SecretManagerServiceSettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials()).build())) {
      secrets.createSecret(
          PROJECT, "DJANGO_SECRET_KEY", Secret.newBuilder().setReplication(Replication.newBuilder().setAutomatic(Replication.Automatic.getDefaultInstance())).build());
      secrets.listSecrets(PROJECT).iterateAll().forEach(s -> {});
    }

    List<LogEntry> audit = list("logName=\"" + PROJECT + "/logs/cloudaudit.googleapis.com%2Factivity\"");

    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).getResource().getType()).isEqualTo("audited_resource");
    assertThat(audit.get(0).getResource().getLabelsMap()).containsEntry("service", "secretmanager.googleapis.com");
    var payload = audit.get(0).getProtoPayload().unpack(com.google.cloud.audit.AuditLog.class);
    assertThat(payload.getMethodName()).isEqualTo("google.cloud.secretmanager.v1.SecretManagerService.CreateSecret");
  }

  private void waitForSubscriber() {
    // The subscription starts when the server reads the first request; wait until it has.
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!hasSubscriber() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  private boolean hasSubscriber() {
    return emulator.world().logs().subscriberCount() > 0;
  }

  private void write(String service, LogSeverity severity, String text) {
    logging.writeLogEntries(
        WriteLogEntriesRequest.newBuilder()
            .setLogName(RUN_LOG)
            .setResource(
                MonitoredResource.newBuilder()
                    .setType("cloud_run_revision")
                    .putLabels("service_name", service)
                    .putLabels("revision_name", service + "-00001-abc")
                    .putLabels("location", "southamerica-east1")
                    .putLabels("project_id", "sandbox-project"))
            .addEntries(LogEntry.newBuilder().setSeverity(severity).setTextPayload(text))
            .build());
  }

  private List<LogEntry> list(String filter) {
    List<LogEntry> found = new ArrayList<>();
    logging.listLogEntries(ListLogEntriesRequest.newBuilder().addResourceNames(PROJECT).setFilter(filter).build()).iterateAll().forEach(found::add);
    return found;
  }
}
