package dev.terrace.core.port;

import java.time.Instant;

/**
 * Which log entries to read.
 *
 * @param filter a Cloud Logging filter expression, or null for all entries
 * @param since the oldest timestamp to return, or null
 * @param limit the maximum number of entries, newest first
 */
public record LogQuery(String filter, Instant since, int limit) {
}
