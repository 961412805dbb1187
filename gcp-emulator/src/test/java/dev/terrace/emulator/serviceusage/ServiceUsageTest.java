package dev.terrace.emulator.serviceusage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.ApiException;
import com.google.api.serviceusage.v1.BatchEnableServicesRequest;
import com.google.api.serviceusage.v1.BatchEnableServicesResponse;
import com.google.api.serviceusage.v1.EnableServiceRequest;
import com.google.api.serviceusage.v1.GetServiceRequest;
import com.google.api.serviceusage.v1.ListServicesRequest;
import com.google.api.serviceusage.v1.Service;
import com.google.api.serviceusage.v1.State;
import com.google.cloud.secretmanager.v1.ProjectName;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import com.google.api.serviceusage.v1.ServiceUsageClient;
import com.google.api.serviceusage.v1.ServiceUsageSettings;
import com.google.rpc.ErrorInfo;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.emulator.support.Clients;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceUsageTest {
  private Emulator emulator;
  private ServiceUsageClient serviceUsage;
  private SecretManagerServiceClient secrets;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.builder().apiPropagationDelay(Duration.ofSeconds(60)).build());
    serviceUsage =
        ServiceUsageClient.create(
            ServiceUsageSettings.newBuilder()
                .setTransportChannelProvider(Clients.channel(emulator))
                .setCredentialsProvider(Clients.noCredentials())
                .build());
    secrets =
        SecretManagerServiceClient.create(
            SecretManagerServiceSettings.newBuilder()
                .setTransportChannelProvider(Clients.channel(emulator))
                .setCredentialsProvider(Clients.noCredentials())
                .build());
  }

  @AfterEach
  void stop() {
    serviceUsage.close();
    secrets.close();
    emulator.close();
  }

  @Test
  void newProjectHasOnlyDefaultApisEnabled() {
    List<String> enabled = enabledApis();

    assertThat(enabled).containsExactlyInAnyOrder("serviceusage.googleapis.com", "storage.googleapis.com", "logging.googleapis.com");
  }

  @Test
  void getServiceReportsState() {
    Service storage = serviceUsage.getService(GetServiceRequest.newBuilder().setName("projects/sandbox-project/services/storage.googleapis.com").build());
    Service run = serviceUsage.getService(GetServiceRequest.newBuilder().setName("projects/sandbox-project/services/run.googleapis.com").build());

    assertThat(storage.getState()).isEqualTo(State.ENABLED);
    assertThat(storage.getName()).isEqualTo("projects/100000000001/services/storage.googleapis.com");
    assertThat(run.getState()).isEqualTo(State.DISABLED);
    assertThat(run.getConfig().getTitle()).isEqualTo("Cloud Run Admin API");
  }

  @Test
  void disabledApiFailsWithServiceDisabled() {
    Throwable error = catchCall(() -> secrets.listSecrets(ProjectName.of("sandbox-project")).iterateAll().iterator().hasNext());

    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    ErrorInfo info = Clients.errorInfo(error).orElseThrow();
    assertThat(info.getReason()).isEqualTo("SERVICE_DISABLED");
    assertThat(info.getDomain()).isEqualTo("googleapis.com");
    assertThat(info.getMetadataMap()).containsEntry("service", "secretmanager.googleapis.com");
    assertThat(info.getMetadataMap()).containsEntry("consumer", "projects/100000000001");
    assertThat(error).hasMessageContaining("secretmanager.googleapis.com");
  }

  @Test
  void enableWaitsForPropagation() throws Exception {
    var response =
        serviceUsage
            .enableServiceAsync(EnableServiceRequest.newBuilder().setName("projects/sandbox-project/services/secretmanager.googleapis.com").build())
            .get();

    assertThat(response.getService().getState()).isEqualTo(State.ENABLED);
    Throwable stillPropagating = catchCall(() -> secrets.listSecrets(ProjectName.of("sandbox-project")).iterateAll().iterator().hasNext());
    assertThat(Clients.errorInfo(stillPropagating).orElseThrow().getReason()).isEqualTo("SERVICE_DISABLED");

    emulator.clock().advance(Duration.ofSeconds(61));

    assertThat(secrets.listSecrets(ProjectName.of("sandbox-project")).iterateAll()).isEmpty();
  }

  @Test
  void batchEnableEnablesEveryApi() throws Exception {
    BatchEnableServicesResponse response =
        serviceUsage
            .batchEnableServicesAsync(
                BatchEnableServicesRequest.newBuilder()
                    .setParent("projects/sandbox-project")
                    .addServiceIds("run.googleapis.com")
                    .addServiceIds("cloudtasks.googleapis.com")
                    .build())
            .get();

    assertThat(response.getServicesList()).extracting(Service::getState).containsOnly(State.ENABLED);
    assertThat(enabledApis()).contains("run.googleapis.com", "cloudtasks.googleapis.com");
  }

  @Test
  void enablingUnknownApiIsRejected() {
    Throwable error =
        catchCall(() ->
            serviceUsage
                .enableServiceAsync(EnableServiceRequest.newBuilder().setName("projects/sandbox-project/services/tasks.googleapis.com").build())
                .get());

    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(Clients.errorInfo(error).orElseThrow().getReason()).isEqualTo("SERVICE_CONFIG_NOT_FOUND_OR_PERMISSION_DENIED");
  }

  @Test
  void enableOperationCanBeFetched() throws Exception {
    var future =
        serviceUsage.enableServiceAsync(EnableServiceRequest.newBuilder().setName("projects/sandbox-project/services/iam.googleapis.com").build());
    String name = future.getName();

    var operation = serviceUsage.getOperationsClient().getOperation(name);

    assertThat(name).startsWith("operations/acat.p2-100000000001-");
    assertThat(operation.getDone()).isTrue();
  }

  @Test
  void operationsCanBeListedAndDeleted() throws Exception {
    String name =
        serviceUsage.enableServiceAsync(EnableServiceRequest.newBuilder().setName("projects/sandbox-project/services/run.googleapis.com").build()).getName();
    var operations = serviceUsage.getOperationsClient();

    List<String> listed = new java.util.ArrayList<>();
    operations.listOperations("operations", "").iterateAll().forEach(op -> listed.add(op.getName()));
    operations.deleteOperation(name);

    assertThat(listed).contains(name);
    Throwable error = catchCall(() -> operations.getOperation(name));
    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  private List<String> enabledApis() {
    var response = serviceUsage.listServices(ListServicesRequest.newBuilder().setParent("projects/sandbox-project").setFilter("state:ENABLED").build());
    return java.util.stream.StreamSupport.stream(response.iterateAll().spliterator(), false).map(s -> s.getConfig().getName()).toList();
  }

  static Throwable catchCall(ThrowingCall call) {
    try {
      call.run();
    } catch (Throwable e) {
      if (e instanceof java.util.concurrent.ExecutionException && e.getCause() != null) {
        return e.getCause();
      }
      return e;
    }
    throw new AssertionError("expected the call to fail");
  }

  interface ThrowingCall {
    void run() throws Exception;
  }
}
