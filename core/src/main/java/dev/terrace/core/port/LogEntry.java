package dev.terrace.core.port;

import java.time.Instant;
import java.util.Map;

/**
 * One log entry of a service or job.
 *
 * @param resource the monitored resource, such as {@code cloud_run_revision}, with its labels
 */
public record LogEntry(Instant timestamp, String severity, String resource, Map<String, String> labels,
        String text) {

    public LogEntry {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
