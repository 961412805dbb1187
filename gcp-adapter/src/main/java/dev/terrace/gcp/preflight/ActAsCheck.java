package dev.terrace.gcp.preflight;

import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.iam.v1.TestIamPermissionsResponse;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.spec.RunJobSpec;
import dev.terrace.core.spec.RunServiceSpec;
import dev.terrace.core.spec.SchedulerJobSpec;
import dev.terrace.core.spec.Spec;
import dev.terrace.gcp.error.ErrorTranslator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deploying principal must be allowed to act as each runtime service account, or Cloud Run
 * and Cloud Scheduler reject the deploy. Asked with testIamPermissions on the account, or on the
 * project when the plan creates the account.
 */
final class ActAsCheck implements PreflightCheck {

    static final String ACT_AS = "iam.serviceAccounts.actAs";

    @Override
    public String name() {
        return "act-as";
    }

    @Override
    public List<Diagnostic> check(PreflightContext context) {
        Map<String, Address> accounts = new LinkedHashMap<>();
        for (ResourceKind kind : List.of(ResourceKind.RUN_SERVICE, ResourceKind.RUN_JOB, ResourceKind.SCHEDULER_JOB)) {
            for (ResourceChange change : context.writes(kind)) {
                String email = runtimeAccount(change.desired());
                if (email != null) {
                    accounts.putIfAbsent(email, change.address());
                }
            }
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        accounts.forEach((email, address) -> {
            if (!mayActAs(context, email)) {
                diagnostics.add(new Diagnostic(Severity.ERROR, "Cannot act as " + email,
                        "The deploying principal lacks " + ACT_AS + " on " + email + ", which " + address
                                + " runs as, so the deploy would be rejected.",
                        "Grant roles/iam.serviceAccountUser on " + email + " (or on project " + context.project()
                                + ") to the principal that runs Terrace, or deploy with --impersonate as one that "
                                + "has it.", address, null, "service_account", email));
            }
        });
        return diagnostics;
    }

    private static boolean mayActAs(PreflightContext context, String email) {
        boolean accountExists = context.readable(ResourceKind.SERVICE_ACCOUNT) && !createdByPlan(context, email);
        if (accountExists) {
            String resource = "projects/" + context.project() + "/serviceAccounts/" + email;
            TestIamPermissionsResponse response = ErrorTranslator.call("test " + ACT_AS + " on " + email,
                    () -> context.gateway().clients().iam().testIamPermissions(TestIamPermissionsRequest.newBuilder()
                            .setResource(resource).addPermissions(ACT_AS).build()));
            return response.getPermissionsList().contains(ACT_AS);
        }
        if (!context.readable(ResourceKind.PROJECT_IAM_MEMBER)) {
            return true;
        }
        String project = "projects/" + context.project();
        TestIamPermissionsResponse response = ErrorTranslator.call("test " + ACT_AS + " on " + project,
                () -> context.gateway().clients().projects().testIamPermissions(TestIamPermissionsRequest.newBuilder()
                        .setResource(project).addPermissions(ACT_AS).build()));
        return response.getPermissionsList().contains(ACT_AS);
    }

    private static boolean createdByPlan(PreflightContext context, String email) {
        return context.created(ResourceKind.SERVICE_ACCOUNT).stream()
                .anyMatch(spec -> ((dev.terrace.core.spec.ServiceAccountSpec) spec).email(context.project())
                        .equals(email));
    }

    static String runtimeAccount(Spec spec) {
        if (spec instanceof RunServiceSpec service) {
            return service.serviceAccount();
        }
        if (spec instanceof RunJobSpec job) {
            return job.serviceAccount();
        }
        if (spec instanceof SchedulerJobSpec job && job.token() != null) {
            return job.token().serviceAccount();
        }
        return null;
    }
}
