package dev.terrace.core.port;

import java.util.Objects;

/**
 * The end of one job execution as a deploy reports it.
 *
 * @param name the execution's name, such as {@code mycoolproject-migrate-x7k2p}
 * @param outcome whether it succeeded, failed or was still running when the wait ended
 * @param message the server's message about the end, empty when it succeeded
 */
public record JobExecution(String name, Outcome outcome, int succeededTasks, int failedTasks, String message) {

    public JobExecution {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
    }

    /** The end state of an execution, from the deploy's point of view. */
    public enum Outcome {
        SUCCEEDED,
        FAILED,
        STILL_RUNNING
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }
}
