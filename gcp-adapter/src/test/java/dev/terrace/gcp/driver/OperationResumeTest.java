package dev.terrace.gcp.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.Differ;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.port.Observed;
import dev.terrace.core.spec.ApiSpec;
import dev.terrace.core.spec.ArtifactRepositorySpec;
import dev.terrace.core.spec.RunServiceSpec;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.gcp.GcpGateway;
import dev.terrace.gcp.GcpGatewayOptions;
import dev.terrace.gcp.connection.GcpConnection;
import dev.terrace.gcp.connection.ServiceEndpoints;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A deploy that outlives the time limit is journalled by name and awaited again, never repeated. */
class OperationResumeTest {

    private static final String PROJECT = "resume-project";
    private static final String REGION = "southamerica-east1";

    private Emulator emulator;
    private GcpGateway gateway;

    @BeforeEach
    void start() {
        emulator = Emulator.start(EmulatorConfig.builder().projectId(PROJECT).region(REGION)
                .runRolloutDelay(Duration.ofSeconds(2)).build());
        GcpConnection connection = GcpConnection.sandbox(PROJECT, REGION, ServiceEndpoints.emulator(
                emulator.endpoints().grpcTarget(), emulator.endpoints().storageHost()));
        gateway = new GcpGateway(connection, GcpGatewayOptions.sandbox().withOperationTimeLimit(Duration.ofMillis(300)));
    }

    @AfterEach
    void stop() {
        gateway.close();
        emulator.close();
    }

    @Test
    void deadlineCarriesOperationAndResumeFinishes() {
        for (String api : List.of("artifactregistry", "run")) {
            gateway.driver(ResourceKind.API).create(new ApiSpec(api + ".googleapis.com"));
        }
        gateway.driver(ResourceKind.ARTIFACT_REPOSITORY).create(new ArtifactRepositorySpec("app-repo", REGION, "DOCKER",
                null, Map.of()));
        emulator.publishImage("app-repo", "app", "latest");
        RunServiceSpec service = new RunServiceSpec("slow-web", REGION, REGION + "-docker.pkg.dev/" + PROJECT
                + "/app-repo/app:latest", null, 8080, "1", "512Mi", 0, 2, 60, "all", Map.of(), Map.of(), Map.of(),
                Map.of());
        Driver<RunServiceSpec> driver = gateway.driver(ResourceKind.RUN_SERVICE);

        CloudException deadline = catchThrowableOfType(CloudException.class, () -> driver.create(service));

        assertThat(deadline.category()).isEqualTo(ErrorCategory.DEADLINE);
        assertThat(deadline.operationName()).hasValueSatisfying(name -> assertThat(name).contains("/operations/"));
        Optional<Observed<RunServiceSpec>> resumed;
        try (GcpGateway nextRun = new GcpGateway(gateway.connection(), GcpGatewayOptions.sandbox())) {
            resumed = nextRun.<RunServiceSpec>driver(ResourceKind.RUN_SERVICE).resume(deadline.operationName().get(),
                    service);
        }
        assertThat(resumed).isPresent();
        assertThat(Differ.diff(ResourceKind.RUN_SERVICE, resumed.get().spec(), service)).isEmpty();
        assertThat(emulator.requestLog().records("google.cloud.run.v2.Services/CreateService")).hasSize(1);
    }
}
