package dev.terrace.gcp.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.spec.ApiSpec;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.gcp.GcpGateway;
import dev.terrace.gcp.GcpGatewayOptions;
import dev.terrace.gcp.connection.GcpConnection;
import dev.terrace.gcp.connection.ServiceEndpoints;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Disabled" right after an enable is retried, but only inside the propagation window. */
class ApiPropagationTest {

    private static final SecretSpec SECRET = new SecretSpec("PROPAGATION", null, null, Map.of(), Map.of());

    private Emulator emulator;
    private GcpConnection connection;

    @BeforeEach
    void start() {
        emulator = Emulator.start(EmulatorConfig.builder().projectId("propagation-project")
                .apiPropagationDelay(Duration.ofSeconds(1)).build());
        connection = GcpConnection.sandbox("propagation-project", "southamerica-east1", ServiceEndpoints.emulator(
                emulator.endpoints().grpcTarget(), emulator.endpoints().storageHost()));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void callRightAfterEnableWaitsForPropagation() {
        try (GcpGateway gateway = new GcpGateway(connection, GcpGatewayOptions.sandbox())) {
            gateway.driver(ResourceKind.API).create(new ApiSpec("secretmanager.googleapis.com"));

            gateway.driver(ResourceKind.SECRET).create(SECRET);

            assertThat(gateway.driver(ResourceKind.SECRET).read(SECRET)).isPresent();
        }
    }

    @Test
    void callOutsideWindowFailsAtOnce() {
        GcpGatewayOptions noWindow = GcpGatewayOptions.sandbox().withApiPropagationWindow(Duration.ZERO);
        try (GcpGateway gateway = new GcpGateway(connection, noWindow)) {
            gateway.driver(ResourceKind.API).create(new ApiSpec("secretmanager.googleapis.com"));

            CloudException failure = catchThrowableOfType(CloudException.class,
                    () -> gateway.driver(ResourceKind.SECRET).create(SECRET));

            assertThat(failure.category()).isEqualTo(ErrorCategory.API_DISABLED);
        }
    }
}
