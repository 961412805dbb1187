package dev.terrace.core.spec;

/** A Cloud Tasks queue's retry settings, in seconds. */
public record QueueRetry(
        Integer minBackoffSeconds,
        Integer maxBackoffSeconds,
        Integer maxAttempts,
        Integer maxRetryDurationSeconds) {
}
