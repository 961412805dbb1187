package dev.terrace.gcp.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.Driver;
import dev.terrace.core.spec.BucketSpec;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.gcp.GcpGateway;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Storage JSON API patches labels key by key, so a dropped label must be deleted explicitly. */
class BucketLabelsTest {

    @Test
    void droppedLabelIsDeleted() {
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().projectId("labels-project").build());
                GcpGateway gateway = GcpGateway.sandbox("labels-project", "southamerica-east1",
                        emulator.endpoints().grpcTarget(), emulator.endpoints().storageHost())) {
            Driver<BucketSpec> driver = gateway.driver(ResourceKind.BUCKET);
            BucketSpec labelled = bucket(Map.of("managed-by", "terrace", "tier", "gold"));
            driver.create(labelled);

            driver.update(bucket(Map.of("managed-by", "terrace")), driver.read(labelled).orElseThrow());

            assertThat(driver.read(labelled).orElseThrow().spec().labels()).containsOnlyKeys("managed-by");
        }
    }

    private static BucketSpec bucket(Map<String, String> labels) {
        return new BucketSpec("labels-project-media", "southamerica-east1", null, null, null, null, true, List.of(),
                labels, Map.of());
    }
}
