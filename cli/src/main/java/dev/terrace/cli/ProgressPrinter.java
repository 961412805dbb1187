package dev.terrace.cli;

import dev.terrace.core.apply.ResourceOutcome;
import dev.terrace.core.event.EngineEvent;
import dev.terrace.core.event.EngineListener;
import dev.terrace.core.plan.Action;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints apply progress, one line per event, on standard error. */
final class ProgressPrinter implements EngineListener {

    private final PrintWriter err;

    ProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void onEvent(EngineEvent event) {
        if (event instanceof EngineEvent.ApplyStarted started) {
            err.println(Texts.get("progress.started", started.changes(), started.stack(), started.parallelism()));
        } else if (event instanceof EngineEvent.ResourceStarted started) {
            err.println(started.attempt() == 1
                    ? Texts.get("progress.resource_started", started.address(), gerund(started.action()))
                    : Texts.get("progress.resource_attempt", started.address(), gerund(started.action()),
                            started.attempt()));
        } else if (event instanceof EngineEvent.ResourceRetrying retrying) {
            err.println(Texts.get("progress.retrying", retrying.address(), retrying.category(), retrying.message(),
                    String.format(Locale.ROOT, "%.1f", retrying.delay().toMillis() / 1000.0)));
        } else if (event instanceof EngineEvent.ResourceFinished finished) {
            err.println(finishedLine(finished.outcome()));
        }
        err.flush();
    }

    private static String finishedLine(ResourceOutcome outcome) {
        String seconds = String.format(Locale.ROOT, "%.1f", outcome.elapsed().toMillis() / 1000.0);
        switch (outcome.status()) {
            case SUCCEEDED:
                return Texts.get("progress.succeeded", outcome.address(), pastTense(outcome.action()), seconds);
            case FAILED:
                return Texts.get("progress.failed", outcome.address(), outcome.message());
            default:
                return Texts.get("progress.skipped", outcome.address(), outcome.message());
        }
    }

    private static String gerund(Action action) {
        return Texts.get("action.gerund." + action.name().toLowerCase(Locale.ROOT));
    }

    private static String pastTense(Action action) {
        return Texts.get("action.past." + action.name().toLowerCase(Locale.ROOT));
    }
}
