package dev.terrace.gcp.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.SecretValues;
import dev.terrace.core.port.SecretVersion;
import dev.terrace.core.spec.ApiSpec;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.gcp.GcpGateway;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Secret versions through Secret Manager; a value never shows up in an error. */
class GcpSecretValuesTest {

    private static final String VALUE = "postgres://app:hunter2@db.example.com/app";

    private Emulator emulator;
    private GcpGateway gateway;
    private SecretValues values;

    @BeforeEach
    void start() {
        emulator = Emulator.start(EmulatorConfig.builder().projectId("secrets-project").build());
        gateway = GcpGateway.sandbox("secrets-project", "southamerica-east1", emulator.endpoints().grpcTarget(),
                emulator.endpoints().storageHost());
        gateway.driver(ResourceKind.API).create(new ApiSpec("secretmanager.googleapis.com"));
        gateway.driver(ResourceKind.SECRET).create(new SecretSpec("DATABASE_URL", null, null, Map.of(), Map.of()));
        values = gateway.secretValues();
    }

    @AfterEach
    void stop() {
        gateway.close();
        emulator.close();
    }

    @Test
    void versionLifecycle() {
        SecretVersion first = values.add("DATABASE_URL", VALUE.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(values.access("DATABASE_URL", first.version()), StandardCharsets.UTF_8)).isEqualTo(VALUE);
        assertThat(values.disable("DATABASE_URL", first.version()).state()).isEqualTo("DISABLED");
        assertThat(values.enable("DATABASE_URL", first.version()).state()).isEqualTo("ENABLED");
        assertThat(values.destroy("DATABASE_URL", first.version()).state()).isEqualTo("DESTROYED");
        assertThat(values.versions("DATABASE_URL")).extracting(SecretVersion::state).isEqualTo(List.of("DESTROYED"));
    }

    @Test
    void failedAccessNamesVersionNotValue() {
        SecretVersion first = values.add("DATABASE_URL", VALUE.getBytes(StandardCharsets.UTF_8));
        values.destroy("DATABASE_URL", first.version());

        CloudException failure = catchThrowableOfType(CloudException.class,
                () -> values.access("DATABASE_URL", first.version()));

        assertThat(failure.getMessage()).contains("DATABASE_URL").doesNotContain("hunter2");
    }
}
