package dev.terrace.emulator.fault;

import static dev.terrace.emulator.support.Calls.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.NoCredentials;
import com.google.cloud.secretmanager.v1.ProjectName;
import com.google.cloud.secretmanager.v1.Replication;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RetryInfo;
import dev.terrace.emulator.Apis;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.emulator.requestlog.RequestRecord;
import dev.terrace.emulator.support.Clients;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultsTest {
  private static final String CREATE_SECRET = "google.cloud.secretmanager.v1.SecretManagerService/CreateSecret";
  private static final String LIST_SECRETS = "google.cloud.secretmanager.v1.SecretManagerService/ListSecrets";

  private Emulator emulator;
  private SecretManagerServiceClient secrets;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.builder().enabledServices(Set.of(Apis.SECRET_MANAGER, Apis.STORAGE)).build());
    SecretManagerServiceSettings.Builder settings =
        SecretManagerServiceSettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials());
    // No client retries, so every injected failure reaches the test.
    settings.listSecretsSettings().setRetrySettings(RetrySettings.newBuilder().setMaxAttempts(1).setTotalTimeout(org.threeten.bp.Duration.ofSeconds(10)).build());
    secrets = SecretManagerServiceClient.create(settings.build());
  }

  @AfterEach
  void stop() {
    secrets.close();
    emulator.close();
  }

  @Test
  void failNextFailsExactlyThatManyCalls() {
    emulator.faults().failNext(CREATE_SECRET, 2, Status.Code.UNAVAILABLE);

    Throwable first = failureOf(() -> createSecret("A"));
    Throwable second = failureOf(() -> createSecret("B"));
    Secret third = createSecret("C");

    assertThat(Clients.statusOf(first).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(Clients.statusOf(second).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(third.getName()).endsWith("/secrets/C");
    assertThat(emulator.faults().rules()).isEmpty();
  }

  @Test
  void quotaErrorCarriesRetryDelay() {
    emulator.faults().quotaExceeded("google.cloud.secretmanager.v1.*", 1, Duration.ofSeconds(17));

    Throwable error = failureOf(() -> secrets.listSecrets(ProjectName.of("sandbox-project")).iterateAll().forEach(s -> {}));

    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    RetryInfo retry = Clients.retryInfo(error).orElseThrow();
    assertThat(retry.getRetryDelay().getSeconds()).isEqualTo(17);
    assertThat(Clients.detail(error, QuotaFailure.class).orElseThrow().getViolationsCount()).isEqualTo(1);
    assertThat(Clients.errorInfo(error).orElseThrow().getReason()).isEqualTo("RATE_LIMIT_EXCEEDED");
  }

  @Test
  void rateFailsSomeCallsRepeatably() {
    emulator.faults().reseed(7);
    emulator.faults().add(FaultRule.on(LIST_SECRETS).status(Status.Code.INTERNAL).rate(0.5).build());

    int failures = 0;
    for (int i = 0; i < 20; i++) {
      try {
        secrets.listSecrets(ProjectName.of("sandbox-project")).iterateAll().forEach(s -> {});
      } catch (RuntimeException e) {
        failures++;
      }
    }

    assertThat(failures).isBetween(4, 16);
  }

  @Test
  void latencyIsAddedAndLogged() {
    emulator.faults().add(FaultRule.on(LIST_SECRETS).latency(Duration.ofMillis(150)).build());

    secrets.listSecrets(ProjectName.of("sandbox-project")).iterateAll().forEach(s -> {});

    List<RequestRecord> records = emulator.requestLog().records(LIST_SECRETS);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).latency()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    assertThat(records.get(0).code()).isEqualTo(Status.Code.OK);
    assertThat(records.get(0).resource()).isEqualTo("projects/sandbox-project");
  }

  @Test
  void requestLogRecordsFailures() {
    emulator.faults().failNext(CREATE_SECRET, 1, Status.Code.UNAVAILABLE);

    failureOf(() -> createSecret("A"));

    RequestRecord record = emulator.requestLog().records(CREATE_SECRET).get(0);
    assertThat(record.code()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(record.method()).isEqualTo(CREATE_SECRET);
  }

  @Test
  void rulesLoadFromYamlFile(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("faults.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "seed: 3",
            "rules:",
            "  - target: " + CREATE_SECRET,
            "    status: unavailable",
            "    times: 1",
            "  - target: storage.buckets.insert",
            "    quota: {retryDelay: 20s}",
            "    times: 1",
            "    latency: {min: 1ms, max: 5ms}"));

    emulator.faults().load(file);

    assertThat(emulator.faults().rules()).hasSize(2);
    assertThat(Clients.statusOf(failureOf(() -> createSecret("A"))).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void httpQuotaFaultAnswers429() throws Exception {
    emulator.faults().quotaExceeded("storage.buckets.insert", 1, Duration.ofSeconds(20));
    Storage storage =
        StorageOptions.newBuilder()
            .setHost(emulator.endpoints().storageHost())
            .setProjectId("sandbox-project")
            .setCredentials(NoCredentials.getInstance())
            .setRetrySettings(RetrySettings.newBuilder().setMaxAttempts(1).build())
            .build()
            .getService();

    StorageException error = (StorageException) failureOf(() -> storage.create(BucketInfo.of("sandbox-project-media")));
    storage.close();

    assertThat(error.getCode()).isEqualTo(429);
    assertThat(error.getReason()).isEqualTo("rateLimitExceeded");
    assertThat(emulator.requestLog().records("storage.buckets.insert").get(0).httpStatus()).isEqualTo(429);
  }

  private Secret createSecret(String id) {
    return secrets.createSecret(
        ProjectName.of("sandbox-project"),
        id,
        Secret.newBuilder().setReplication(Replication.newBuilder().setAutomatic(Replication.Automatic.getDefaultInstance())).build());
  }
}
