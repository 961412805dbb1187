package dev.terrace.desktop.model;

import dev.terrace.core.apply.ResourceOutcome;
import dev.terrace.core.model.Address;
import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.core.port.ResourceStatus.Health;

/** Decides a resource's condition from the last plan, the last status read and the last apply. */
public final class ResourceConditions {

    private ResourceConditions() {
    }

    /**
     * Returns the condition; an error anywhere wins, then a status that finds the resource gone,
     * then the plan's verdict, then the status.
     *
     * @param plan the last plan, or null
     * @param status the last status read, or null
     * @param outcome the resource's outcome in the last apply, or null
     */
    public static ResourceCondition of(Address address, Plan plan, ResourceStatus status, ResourceOutcome outcome) {
        return of(address, PlanIndex.of(plan), status, outcome);
    }

    /** Decides as {@link #of(Address, Plan, ResourceStatus, ResourceOutcome)} with the plan indexed by address. */
    public static ResourceCondition of(Address address, PlanIndex plan, ResourceStatus status, ResourceOutcome outcome) {
        if (outcome != null && outcome.status() == ResourceOutcome.Status.FAILED) {
            return ResourceCondition.ERROR;
        }
        if (status != null && status.health() == Health.FAILED) {
            return ResourceCondition.ERROR;
        }
        if (plan.blocked(address)) {
            return ResourceCondition.ERROR;
        }
        ResourceChange change = plan.change(address);
        // A status read after the plan is newer: a resource deleted since a no-change plan is missing.
        if (status != null && status.health() == Health.MISSING
                && (change == null || change.action() == Action.NO_OP)) {
            return ResourceCondition.MISSING;
        }
        if (change != null) {
            return fromAction(change.action());
        }
        if (status == null) {
            return ResourceCondition.UNKNOWN;
        }
        return status.health() == Health.MISSING ? ResourceCondition.MISSING : ResourceCondition.IN_PLACE;
    }

    private static ResourceCondition fromAction(Action action) {
        switch (action) {
            case CREATE:
                return ResourceCondition.MISSING;
            case UPDATE:
            case REPLACE:
                return ResourceCondition.DRIFT;
            case NO_OP:
            case DELETE:
            default:
                return ResourceCondition.IN_PLACE;
        }
    }
}
