package dev.terrace.session;

import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.stack.Stack;
import dev.terrace.gcp.GcpGateway;
import dev.terrace.gcp.preflight.Preflight;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds the adapter's preflight diagnostics to a plan: the failures an apply on Google Cloud would
 * hit (a missing image, a secret with no version, a name taken) found before any change is made.
 * The in-memory gateway has no preflight checks.
 */
public final class PreflightStep {

    private PreflightStep() {
    }

    /**
     * Returns whether the sandbox supplies what the diagnostic misses: it publishes the stack's
     * image once the repository exists and gives each new secret a placeholder version.
     */
    private static boolean providedBySandbox(Diagnostic diagnostic) {
        // NOTE: the checks are recognised by the field they report on, since diagnostics carry no code.
        return "image".equals(diagnostic.field()) || "secret_env".equals(diagnostic.field())
                && diagnostic.summary().endsWith("has no enabled version");
    }

    /** Returns the plan with the preflight diagnostics added; unchanged on the in-memory gateway. */
    public static Plan addTo(Plan plan, Stack stack, Gateway gateway) {
        GcpGateway google = gateway instanceof Sandbox sandbox ? sandbox.gcpGateway()
                : gateway instanceof GcpGateway direct ? direct : null;
        if (google == null) {
            return plan;
        }
        List<Diagnostic> found = Preflight.standard().run(stack, plan, google);
        if (gateway instanceof Sandbox) {
            found = found.stream().filter(diagnostic -> !providedBySandbox(diagnostic)).toList();
        }
        if (found.isEmpty()) {
            return plan;
        }
        List<Diagnostic> diagnostics = new ArrayList<>(plan.diagnostics());
        diagnostics.addAll(found);
        return new Plan(plan.stack(), plan.project(), plan.destroy(), plan.changes(), diagnostics);
    }
}
