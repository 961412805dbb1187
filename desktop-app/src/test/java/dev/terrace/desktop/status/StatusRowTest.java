package dev.terrace.desktop.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.core.port.ResourceStatus.Health;
import dev.terrace.desktop.model.ResourceCondition;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusRowTest {

    private final Resource service = Guide.stack().all().stream()
            .filter(resource -> resource.kind() == ResourceKind.RUN_SERVICE).findFirst().orElseThrow();

    @Test
    void missingStatusHighlightsPlannedRow() {
        StatusRow row = StatusRow.of(service, ResourceCondition.IN_PLACE,
                new ResourceStatus(Health.MISSING, "does not exist", Map.of()));

        assertThat(row.highlight()).isEqualTo(ResourceCondition.MISSING);
    }

    @Test
    void highlightFollowsCondition() {
        ResourceStatus ready = new ResourceStatus(Health.READY, "ready", Map.of());

        assertThat(StatusRow.of(service, ResourceCondition.IN_PLACE, ready).highlight()).isNull();
        assertThat(StatusRow.of(service, ResourceCondition.DRIFT, ready).highlight()).isEqualTo(ResourceCondition.DRIFT);
        assertThat(StatusRow.of(service, ResourceCondition.ERROR, ready).highlight()).isEqualTo(ResourceCondition.ERROR);
        assertThat(StatusRow.of(service, ResourceCondition.IN_PLACE,
                new ResourceStatus(Health.FAILED, "revision failed", Map.of())).highlight())
                .isEqualTo(ResourceCondition.ERROR);
        assertThat(StatusRow.of(service, ResourceCondition.UNKNOWN, null).highlight()).isNull();
    }

    @Test
    void detailsShortenCloudNames() {
        ResourceStatus status = new ResourceStatus(Health.READY, "ready", Map.of(
                "uri", "http://127.0.0.1:8080/s/southamerica-east1/mycoolproject",
                "ready_revision", "projects/p/locations/southamerica-east1/services/mycoolproject/revisions/mycoolproject-00002",
                "traffic", "100% mycoolproject-00002 (latest)",
                "last_execution", "projects/p/locations/l/jobs/migrate/executions/migrate-abcde",
                "last_execution_status", "EXECUTION_SUCCEEDED",
                "next_run", "2026-12-04T10:01:00Z"));

        StatusRow row = StatusRow.of(service, ResourceCondition.IN_PLACE, status);

        assertThat(row.url()).isEqualTo("http://127.0.0.1:8080/s/southamerica-east1/mycoolproject");
        assertThat(row.details()).contains("revision mycoolproject-00002 ");
        assertThat(row.details()).contains("traffic 100% mycoolproject-00002 (latest)");
        assertThat(row.details()).contains("last execution migrate-abcde succeeded");
        assertThat(row.details()).contains("next run 2026-12-04 10:01:00 UTC");
        assertThat(row.allDetails()).startsWith("ready\n");
        assertThat(row.allDetails()).contains("traffic: 100% mycoolproject-00002 (latest)");
    }
}
