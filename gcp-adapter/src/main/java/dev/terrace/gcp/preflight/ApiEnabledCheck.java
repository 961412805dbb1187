package dev.terrace.gcp.preflight;

import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.spec.ApiSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A resource whose API is disabled, and which the plan does not enable first. The plan enables
 * APIs before the resources that need them, so only an API missing from the stack is an error.
 */
final class ApiEnabledCheck implements PreflightCheck {

    @Override
    public String name() {
        return "api-enabled";
    }

    @Override
    public List<Diagnostic> check(PreflightContext context) {
        Set<String> enabledByPlan = new TreeSet<>();
        context.created(ResourceKind.API).forEach(spec -> enabledByPlan.add(((ApiSpec) spec).service()));
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (ResourceKind kind : ResourceKind.values()) {
            if (kind == ResourceKind.API) {
                continue;
            }
            String api = kind.apiService();
            if (context.enabledServices().contains(api) || enabledByPlan.contains(api)) {
                continue;
            }
            for (ResourceChange change : context.writes(kind)) {
                diagnostics.add(new Diagnostic(Severity.ERROR, api + " is disabled",
                        change.address() + " needs " + api + ", which is disabled in project " + context.project()
                                + " and not enabled by this plan.",
                        "Add api." + api.substring(0, api.indexOf('.')) + " to the stack, or run `gcloud services "
                                + "enable " + api + " --project " + context.project() + "`, then plan again.",
                        change.address(), null, null, api));
            }
        }
        return diagnostics;
    }
}
