package dev.terrace.desktop.status;

import dev.terrace.core.port.ResourceStatus;
import dev.terrace.desktop.Texts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the details of a status into one line for the dashboard: a service's ready revision,
 * traffic and /health/ response, a job's last execution, a queue's or Scheduler job's state and next
 * run, a secret's versions. A Scheduler job's schedule is in its summary already. Details of other
 * keys stay in the row's tooltip.
 */
final class StatusDetails {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String SEPARATOR = " \u00b7 ";

    private StatusDetails() {
    }

    static String describe(ResourceStatus status) {
        if (status == null) {
            return "";
        }
        Map<String, String> details = status.details();
        List<String> parts = new ArrayList<>();
        String revision = details.get("ready_revision");
        if (revision != null && !revision.isBlank()) {
            parts.add(Texts.get("status.detail.revision", lastSegment(revision)));
        }
        add(parts, details, "traffic", "status.detail.traffic");
        add(parts, details, "health", "status.detail.health");
        String execution = details.get("last_execution");
        if (execution != null) {
            parts.add(Texts.get("status.detail.last_execution", lastSegment(execution),
                    completion(details.getOrDefault("last_execution_status", ""))).strip());
        }
        add(parts, details, "state", "status.detail.state");
        String nextRun = details.get("next_run");
        if (nextRun != null) {
            parts.add(Texts.get("status.detail.next_run", time(nextRun)));
        }
        if (details.containsKey("versions")) {
            parts.add(Texts.get("status.detail.versions", count(details.get("versions")),
                    details.getOrDefault("enabled_versions", "0"), details.getOrDefault("latest_version", "-")));
        }
        return String.join(SEPARATOR, parts);
    }

    /** Lists the summary, then every detail as {@code key: value} lines, for the row's tooltip. */
    static String all(ResourceStatus status) {
        if (status == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        lines.add(status.summary());
        status.details().forEach((key, value) -> lines.add(key + ": " + value));
        return String.join("\n", lines);
    }

    private static void add(List<String> parts, Map<String, String> details, String key, String textKey) {
        String value = details.get(key);
        if (value != null && !value.isBlank()) {
            parts.add(Texts.get(textKey, value));
        }
    }

    /** Shortens a Cloud Run completion status such as {@code EXECUTION_SUCCEEDED} to {@code succeeded}. */
    private static String completion(String status) {
        String word = status.startsWith("EXECUTION_") ? status.substring("EXECUTION_".length()) : status;
        return word.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static int count(String number) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static String lastSegment(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static String time(String instant) {
        try {
            return TIME.format(Instant.parse(instant));
        } catch (DateTimeParseException notAnInstant) {
            return instant;
        }
    }
}
