package dev.terrace.gcp.preflight;

import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.BucketInfo;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.spec.BucketSpec;
import dev.terrace.gcp.error.ErrorTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Bucket names are global: a name another project uses cannot be created. And a public binding
 * (allUsers, allAuthenticatedUsers) fails on a bucket whose public access prevention is enforced.
 *
 * <p>TODO: an organization policy that enforces public access prevention on buckets set to
 * {@code inherited} is not detected; that needs the Org Policy API
 * ({@code constraints/storage.publicAccessPrevention}), whose client is not a dependency yet.
 */
final class BucketCheck implements PreflightCheck {

    private static final Set<String> PUBLIC_MEMBERS = Set.of("allUsers", "allAuthenticatedUsers");

    @Override
    public String name() {
        return "bucket";
    }

    @Override
    public List<Diagnostic> check(PreflightContext context) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (ResourceChange change : context.writes(ResourceKind.BUCKET)) {
            BucketSpec bucket = (BucketSpec) change.desired();
            Bucket existing = null;
            if (context.readable(ResourceKind.BUCKET)) {
                try {
                    existing = ErrorTranslator.call("read bucket " + bucket.name(),
                            () -> context.gateway().clients().storage().get(bucket.name()));
                } catch (CloudException failed) {
                    if (failed.category() != ErrorCategory.PERMISSION_DENIED || change.action() != Action.CREATE) {
                        throw failed;
                    }
                    // Cloud Storage returns 403 for a bucket that exists in a project we cannot read.
                    diagnostics.add(new Diagnostic(Severity.ERROR, "Bucket name " + bucket.name() + " is taken",
                            "Bucket names are shared by every Google Cloud project, and " + bucket.name()
                                    + " already belongs to a project that " + context.project() + " cannot read.",
                            "Choose another name for " + change.address() + " in the stack file, such as one "
                                    + "that starts with the project id, and plan again.",
                            change.address(), null, "name", bucket.name()));
                    continue;
                }
            }
            boolean enforced = "enforced".equalsIgnoreCase(bucket.publicAccessPrevention()) || (existing != null
                    && existing.getIamConfiguration() != null && existing.getIamConfiguration()
                    .getPublicAccessPrevention() == BucketInfo.PublicAccessPrevention.ENFORCED);
            boolean publicBinding = bucket.iam().values().stream().flatMap(List::stream)
                    .anyMatch(PUBLIC_MEMBERS::contains);
            if (enforced && publicBinding) {
                diagnostics.add(new Diagnostic(Severity.ERROR, "Public access is prevented on bucket " + bucket.name(),
                        change.address() + " grants a role to allUsers or allAuthenticatedUsers, but public access "
                                + "prevention is enforced on the bucket, so Cloud Storage rejects the binding.",
                        "Set public_access_prevention to inherited (when no organization policy enforces it), "
                                + "or remove the public member from iam.", change.address(), null, "iam",
                        bucket.name()));
            }
        }
        return diagnostics;
    }
}
