package dev.terrace.core.event;

import dev.terrace.core.apply.ResourceOutcome;
import dev.terrace.core.model.Address;
import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Progress of a plan or an apply, sent to {@link EngineListener}s. Front ends decide how to show
 * them; the run log writes them as JSON lines. No event carries a secret value.
 */
public sealed interface EngineEvent {

    Instant at();

    /** A plan is ready. */
    record PlanFinished(Instant at, Plan plan) implements EngineEvent {
    }

    /** Apply begins with this many changes to make. */
    record ApplyStarted(Instant at, String stack, int changes, int parallelism) implements EngineEvent {
    }

    /** One resource's operation begins; attempt counts from 1. */
    record ResourceStarted(Instant at, Address address, Action action, int attempt) implements EngineEvent {
    }

    /** One resource's operation failed in a way worth retrying, after the given delay. */
    record ResourceRetrying(Instant at, Address address, Action action, int attempt, Duration delay,
            String category, String message) implements EngineEvent {
    }

    /** One resource reached its end state. */
    record ResourceFinished(Instant at, ResourceOutcome outcome) implements EngineEvent {
    }

    /** Apply ended; every resource has an outcome. */
    record ApplyFinished(Instant at, String stack, List<ResourceOutcome> outcomes, boolean cancelled,
            Duration elapsed) implements EngineEvent {
    }
}
