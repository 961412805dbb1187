package dev.terrace.desktop.logs;

import dev.terrace.core.apply.ResourceOutcome;
import dev.terrace.core.event.EngineEvent;
import dev.terrace.core.model.Address;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.port.LogEntry;
import dev.terrace.desktop.Texts;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Formats Cloud Logging entries and engine events as the one-line texts the logs view lists and copies. */
public final class LogText {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private LogText() {
    }

    /** Returns time, severity, the service or job and the text of an entry. */
    public static String line(LogEntry entry) {
        String source = entry.labels().getOrDefault("service_name", entry.labels().getOrDefault("job_name", ""));
        String resource = entry.resource() == null ? "" : entry.resource();
        return String.format("%s  %-9s %s  %s", DATE_TIME.format(entry.timestamp()),
                entry.severity() == null ? "DEFAULT" : entry.severity(),
                source.isEmpty() ? resource : resource + " " + source, entry.text() == null ? "" : entry.text());
    }

    /** Returns the address an event is about; empty for plan-wide and apply-wide events. */
    public static Optional<Address> address(EngineEvent event) {
        if (event instanceof EngineEvent.ResourceStarted started) {
            return Optional.of(started.address());
        }
        if (event instanceof EngineEvent.ResourceRetrying retrying) {
            return Optional.of(retrying.address());
        }
        if (event instanceof EngineEvent.ResourceFinished finished) {
            return Optional.of(finished.outcome().address());
        }
        return Optional.empty();
    }

    /** Returns the time, the address ({@code *} for plan-wide and apply-wide events) and what happened. */
    public static String line(EngineEvent event) {
        String subject = address(event).map(Address::toString).orElse("*");
        return String.format("%s  %-40s %s", TIME.format(event.at()), subject, describe(event));
    }

    static String describe(EngineEvent event) {
        if (event instanceof EngineEvent.PlanFinished finished) {
            Plan plan = finished.plan();
            long changes = plan.changes().stream().filter(change -> change.action().changesCloud()).count();
            return Texts.get("logs.event.plan_finished", changes, plan.diagnostics().size());
        }
        if (event instanceof EngineEvent.ApplyStarted started) {
            return Texts.get("logs.event.apply_started", started.stack(), started.changes(), started.parallelism());
        }
        if (event instanceof EngineEvent.ResourceStarted started) {
            return Texts.get("logs.event.resource_started", started.action().verb(), started.attempt());
        }
        if (event instanceof EngineEvent.ResourceRetrying retrying) {
            return Texts.get("logs.event.resource_retrying", retrying.action().verb(), retrying.attempt(),
                    retrying.category(), retrying.message(), seconds(retrying.delay()));
        }
        if (event instanceof EngineEvent.ResourceFinished finished) {
            return outcome(finished.outcome());
        }
        EngineEvent.ApplyFinished finished = (EngineEvent.ApplyFinished) event;
        return Texts.get(finished.cancelled() ? "logs.event.apply_cancelled" : "logs.event.apply_finished",
                finished.stack(), seconds(finished.elapsed()), count(finished, ResourceOutcome.Status.SUCCEEDED),
                count(finished, ResourceOutcome.Status.FAILED), count(finished, ResourceOutcome.Status.SKIPPED));
    }

    private static String outcome(ResourceOutcome outcome) {
        return switch (outcome.status()) {
            case SUCCEEDED -> Texts.get("logs.event.succeeded", outcome.action().verb(), seconds(outcome.elapsed()),
                    outcome.attempts());
            case FAILED -> Texts.get("logs.event.failed", outcome.action().verb(), outcome.attempts(),
                    String.valueOf(outcome.message()));
            case SKIPPED -> Texts.get("logs.event.skipped", String.valueOf(outcome.message()));
        };
    }

    private static long count(EngineEvent.ApplyFinished finished, ResourceOutcome.Status status) {
        return finished.outcomes().stream().filter(outcome -> outcome.status() == status).count();
    }

    /** Formats a duration in seconds with one decimal, such as {@code 1.2}. */
    private static String seconds(Duration duration) {
        if (duration == null) {
            return "0.0";
        }
        return String.format(java.util.Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
