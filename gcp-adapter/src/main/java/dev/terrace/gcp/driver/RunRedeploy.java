package dev.terrace.gcp.driver;

import com.google.cloud.run.v2.Condition;
import dev.terrace.core.port.Observed;
import java.time.Clock;
import java.util.Map;

/**
 * Reports a Cloud Run service or job whose latest deploy failed, and makes its next update deploy
 * again: the template gets an annotation with the time of the redeploy, so it differs from the
 * failed template and Cloud Run creates a new revision. NOTE: whether Cloud Run also redeploys an
 * unchanged template was not checked against Google; the emulator does not.
 */
final class RunRedeploy {

    /** The revision-template annotation that makes a redeploy differ from the failed template. */
    static final String ANNOTATION = "terrace.dev/redeployed-at";

    private RunRedeploy() {
    }

    /** Adds {@link Observed#FAILED} with the condition's message when the terminal condition failed. */
    static void addFailure(Condition terminal, Map<String, String> attributes) {
        if (terminal.getState() == Condition.State.CONDITION_FAILED) {
            String message = terminal.getMessage().isBlank() ? terminal.getType() + " is False" : terminal.getMessage();
            attributes.put(Observed.FAILED, message);
        }
    }

    /** Returns the annotations a redeploy adds to the template: none unless the current deploy failed. */
    static Map<String, String> annotations(Observed<?> current, Clock clock) {
        return current.failed() ? Map.of(ANNOTATION, clock.instant().toString()) : Map.of();
    }
}
