package dev.terrace.core.apply;

import dev.terrace.core.apply.ResourceOutcome.Status;
import dev.terrace.core.state.State;
import java.time.Duration;
import java.util.List;

/**
 * The end of an apply: the state as last saved and the outcome of every change, also when it
 * failed or was cancelled.
 */
public record ApplyResult(State state, List<ResourceOutcome> outcomes, boolean cancelled, Duration elapsed) {

    public ApplyResult {
        outcomes = List.copyOf(outcomes);
    }

    public boolean succeeded() {
        return !cancelled && outcomes.stream().allMatch(outcome -> outcome.status() == Status.SUCCEEDED);
    }

    public List<ResourceOutcome> withStatus(Status status) {
        return outcomes.stream().filter(outcome -> outcome.status() == status).toList();
    }
}
