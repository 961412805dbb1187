package dev.terrace.gcp.preflight;

import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.stack.Stack;
import dev.terrace.gcp.GcpGateway;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the preflight checks on a plan and returns the diagnostics to add to it. A check that
 * cannot run (a permission or network problem) becomes a warning rather than stopping the others.
 */
public final class Preflight {

    private static final Logger LOG = LoggerFactory.getLogger(Preflight.class);

    private final List<PreflightCheck> checks;

    public Preflight(List<PreflightCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Returns every check, API enablement first. */
    public static Preflight standard() {
        return new Preflight(List.of(new ApiEnabledCheck(), new RegionCheck(), new ActAsCheck(), new ImageCheck(),
                new SecretCheck(), new BucketCheck(), new QueueNameCheck()));
    }

    public List<Diagnostic> run(Stack stack, Plan plan, GcpGateway gateway) {
        if (plan.destroy()) {
            return List.of();
        }
        PreflightContext context = new PreflightContext(stack, plan, gateway);
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (PreflightCheck check : checks) {
            try {
                diagnostics.addAll(check.check(context));
            } catch (CloudException failed) {
                LOG.warn("Preflight check {} could not run: {}", check.name(), failed.getMessage());
                diagnostics.add(new Diagnostic(Severity.WARNING, "Preflight check \"" + check.name()
                        + "\" could not run", failed.getMessage(), "Fix the cause above and plan again, or apply "
                        + "without this check's protection.", null, null, null, null));
            }
        }
        return diagnostics;
    }
}
