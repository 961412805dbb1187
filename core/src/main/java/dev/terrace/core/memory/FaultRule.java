package dev.terrace.core.memory;

import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.ErrorCategory;
import java.time.Duration;

/**
 * A scripted failure of the in-memory gateway. Null matchers match anything.
 *
 * @param identity the cloud identity of the object, such as a bucket name
 * @param rate the share of matching calls that fail, from 0 to 1
 * @param times how many calls may fail in all; negative for no limit
 * @param retryable whether the raised error is marked retryable; null keeps the category's default
 * @param retryDelay the delay the fake server requests, or null
 */
public record FaultRule(ResourceKind kind, Operation operation, String identity, ErrorCategory category,
        double rate, int times, Boolean retryable, Duration retryDelay) {

    public FaultRule {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be between 0 and 1, was " + rate);
        }
    }

    /** Returns a rule that fails a share of all calls with a retryable UNAVAILABLE. */
    public static FaultRule unavailable(double rate) {
        return new FaultRule(null, null, null, ErrorCategory.UNAVAILABLE, rate, -1, true, null);
    }

    /** Returns a rule that fails every create of the object with a permanent error. */
    public static FaultRule permanent(ResourceKind kind, String identity, ErrorCategory category) {
        return new FaultRule(kind, Operation.CREATE, identity, category, 1.0, -1, false, null);
    }

    boolean matches(ResourceKind callKind, Operation callOperation, String callIdentity) {
        return (kind == null || kind == callKind)
                && (operation == null || operation == callOperation)
                && (identity == null || identity.equals(callIdentity));
    }
}
