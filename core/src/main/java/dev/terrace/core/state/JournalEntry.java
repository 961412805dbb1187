package dev.terrace.core.state;

import dev.terrace.core.model.Address;
import dev.terrace.core.plan.Action;
import java.time.Instant;

/**
 * An operation that was started and not yet seen to finish.
 *
 * @param operationName the long-running operation to wait on again, or null
 */
public record JournalEntry(Address address, Action action, Instant startedAt, String operationName) {
}
