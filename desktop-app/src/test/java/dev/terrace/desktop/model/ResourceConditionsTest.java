package dev.terrace.desktop.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.apply.ResourceOutcome;
import dev.terrace.core.model.Address;
import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.core.port.ResourceStatus.Health;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceConditionsTest {

    private static final Address WEB = Address.parse("run_service.web");

    private static Plan planWith(Action action) {
        ResourceChange change = new ResourceChange(WEB, null, action, List.of(), null, null, false, null, null, null,
                null);
        return new Plan("mycoolproject", "mycoolproject-prod", false, List.of(change), List.of());
    }

    private static ResourceStatus status(Health health) {
        return new ResourceStatus(health, health.name(), Map.of());
    }

    @Test
    void planVerdictDecidesWithoutStatus() {
        assertThat(ResourceConditions.of(WEB, planWith(Action.CREATE), null, null)).isEqualTo(ResourceCondition.MISSING);
        assertThat(ResourceConditions.of(WEB, planWith(Action.UPDATE), null, null)).isEqualTo(ResourceCondition.DRIFT);
        assertThat(ResourceConditions.of(WEB, planWith(Action.NO_OP), null, null)).isEqualTo(ResourceCondition.IN_PLACE);
    }

    @Test
    void goneAfterNoChangePlanIsMissing() {
        ResourceCondition condition = ResourceConditions.of(WEB, planWith(Action.NO_OP), status(Health.MISSING), null);

        assertThat(condition).isEqualTo(ResourceCondition.MISSING);
    }

    @Test
    void failedStatusOrOutcomeIsError() {
        ResourceOutcome failed = new ResourceOutcome(WEB, Action.CREATE, ResourceOutcome.Status.FAILED, 1,
                Duration.ZERO, "PERMISSION_DENIED", null);

        assertThat(ResourceConditions.of(WEB, planWith(Action.NO_OP), status(Health.FAILED), null))
                .isEqualTo(ResourceCondition.ERROR);
        assertThat(ResourceConditions.of(WEB, planWith(Action.CREATE), null, failed)).isEqualTo(ResourceCondition.ERROR);
    }

    @Test
    void nothingKnownIsUnknown() {
        assertThat(ResourceConditions.of(WEB, (Plan) null, null, null)).isEqualTo(ResourceCondition.UNKNOWN);
    }
}
