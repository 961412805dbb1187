package dev.terrace.core.apply;

import dev.terrace.core.model.Address;
import dev.terrace.core.plan.Action;
import java.time.Duration;

/**
 * The end state of one resource in an apply.
 *
 * @param attempts how many times the operation was tried; 0 for a skipped resource
 * @param message why it failed or was skipped, in plain words; null on success
 * @param cause for a skipped resource, the failed address it depended on; null otherwise
 */
public record ResourceOutcome(Address address, Action action, Status status, int attempts, Duration elapsed,
        String message, Address cause) {

    /** The end state of one resource in an apply. */
    public enum Status {
        SUCCEEDED,
        FAILED,
        SKIPPED
    }
}
