package dev.terrace.gcp.preflight;

import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.port.SecretVersion;
import dev.terrace.core.spec.ProjectIamMemberSpec;
import dev.terrace.core.spec.RunJobSpec;
import dev.terrace.core.spec.RunServiceSpec;
import dev.terrace.core.spec.SecretEnvVar;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.core.spec.Spec;
import dev.terrace.gcp.error.ErrorTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A secret that a service or job reads must have an enabled version, and the runtime account must
 * be allowed to read it (on the project or on the secret), or the plan must grant that first.
 */
final class SecretCheck implements PreflightCheck {

    static final String ACCESSOR = "roles/secretmanager.secretAccessor";
    /** Basic and predefined roles that include secretmanager.versions.access. */
    private static final Set<String> READING_ROLES = Set.of(ACCESSOR, "roles/owner", "roles/secretmanager.admin");

    @Override
    public String name() {
        return "secret";
    }

    @Override
    public List<Diagnostic> check(PreflightContext context) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (ResourceKind kind : List.of(ResourceKind.RUN_SERVICE, ResourceKind.RUN_JOB)) {
            for (ResourceChange change : context.writes(kind)) {
                Map<String, SecretEnvVar> secrets = change.desired() instanceof RunServiceSpec service
                        ? service.secretEnv() : ((RunJobSpec) change.desired()).secretEnv();
                String account = ActAsCheck.runtimeAccount(change.desired());
                for (SecretEnvVar reference : secrets.values()) {
                    checkVersion(context, change.address(), reference, diagnostics);
                    if (account != null) {
                        checkAccess(context, change.address(), reference.secret(), "serviceAccount:" + account,
                                diagnostics);
                    }
                }
            }
        }
        return diagnostics;
    }

    private static void checkVersion(PreflightContext context, Address address, SecretEnvVar reference,
            List<Diagnostic> diagnostics) {
        String secret = reference.secret();
        boolean planned = context.created(ResourceKind.SECRET).stream()
                .anyMatch(spec -> ((SecretSpec) spec).secretId().equals(secret));
        if (!planned && !context.readable(ResourceKind.SECRET)) {
            return;
        }
        List<SecretVersion> versions = planned ? List.of() : versions(context, secret);
        boolean usable = versions.stream().anyMatch(version -> "ENABLED".equals(version.state())
                && ("latest".equals(reference.version()) || version.version().equals(reference.version())));
        if (!usable) {
            diagnostics.add(new Diagnostic(Severity.ERROR, "Secret " + secret + " has no enabled version",
                    address + " reads version " + reference.version() + " of secret " + secret + ", but "
                            + (planned ? "this plan creates the secret without a value" : "no enabled version "
                            + "matches") + ", so Cloud Run would fail to start it.",
                    "Create the secret first (set omit: true under " + address + " and apply), add a value with "
                            + "gcloud secrets versions add " + secret + " --data-file=FILE, then plan again.",
                    address, null, "secret_env", secret));
        }
    }

    private static List<SecretVersion> versions(PreflightContext context, String secret) {
        try {
            return context.gateway().secretValues().versions(secret);
        } catch (CloudException failed) {
            if (failed.category() == ErrorCategory.NOT_FOUND) {
                return List.of();
            }
            throw failed;
        }
    }

    private static void checkAccess(PreflightContext context, Address address, String secret, String member,
            List<Diagnostic> diagnostics) {
        if (grantedByPlan(context, secret, member) || grantedInCloud(context, secret, member)) {
            return;
        }
        diagnostics.add(new Diagnostic(Severity.ERROR, member.substring(member.indexOf(':') + 1)
                + " cannot read secret " + secret,
                address + " runs as " + member + ", which holds no role that reads secret " + secret
                        + ", and this plan does not grant one.",
                "Add " + member + " to " + ACCESSOR + " on the project (project_iam) or on secret " + secret
                        + " (its iam field), then plan again.",
                address, null, "secret_env", secret));
    }

    private static boolean grantedByPlan(PreflightContext context, String secret, String member) {
        for (Spec spec : context.created(ResourceKind.PROJECT_IAM_MEMBER)) {
            ProjectIamMemberSpec grant = (ProjectIamMemberSpec) spec;
            if (READING_ROLES.contains(grant.role()) && grant.member().equals(member)) {
                return true;
            }
        }
        for (ResourceChange change : context.writes(ResourceKind.SECRET)) {
            SecretSpec declared = (SecretSpec) change.desired();
            if (declared.secretId().equals(secret) && declared.iam().getOrDefault(ACCESSOR, List.of()).contains(member)) {
                return true;
            }
        }
        return false;
    }

    private static boolean grantedInCloud(PreflightContext context, String secret, String member) {
        if (context.readable(ResourceKind.PROJECT_IAM_MEMBER)) {
            Policy project = ErrorTranslator.call("read the IAM policy of project " + context.project(),
                    () -> context.gateway().clients().projects().getIamPolicy("projects/" + context.project()));
            if (holds(project, member)) {
                return true;
            }
        }
        if (!context.readable(ResourceKind.SECRET)) {
            return false;
        }
        try {
            Policy onSecret = ErrorTranslator.call("read the IAM policy of secret " + secret,
                    () -> context.gateway().clients().secretManager().getIamPolicy(GetIamPolicyRequest.newBuilder()
                            .setResource("projects/" + context.project() + "/secrets/" + secret).build()));
            return holds(onSecret, member);
        } catch (CloudException failed) {
            if (failed.category() == ErrorCategory.NOT_FOUND) {
                return false;
            }
            throw failed;
        }
    }

    private static boolean holds(Policy policy, String member) {
        return policy.getBindingsList().stream().anyMatch(binding -> !binding.hasCondition()
                && READING_ROLES.contains(binding.getRole()) && binding.getMembersList().contains(member));
    }
}
