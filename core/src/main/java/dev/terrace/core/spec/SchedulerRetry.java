package dev.terrace.core.spec;

/** A Cloud Scheduler job's retry settings, in seconds. */
public record SchedulerRetry(Integer retryCount, Integer minBackoffSeconds, Integer maxBackoffSeconds) {
}
