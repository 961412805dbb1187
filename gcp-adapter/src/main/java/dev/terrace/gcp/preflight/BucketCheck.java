package dev.terrace.gcp.preflight;

import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.spec.BucketSpec;
import dev.terrace.core.spec.Spec;
import dev.terrace.gcp.error.ErrorTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bucket names are global: a name another project uses cannot be created. And a public binding
 * (allUsers, allAuthenticatedUsers) fails on a bucket whose public access prevention is enforced,
 * by its own setting or, for a bucket set to {@code inherited}, by the organization policy.
 */
final class BucketCheck implements PreflightCheck {

    private static final Logger LOG = LoggerFactory.getLogger(BucketCheck.class);
    private static final Set<String> PUBLIC_MEMBERS = Set.of("allUsers", "allAuthenticatedUsers");

    @Override
    public String name() {
        return "bucket";
    }

    @Override
    public List<Diagnostic> check(PreflightContext context) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Boolean organizationEnforces = null;
        for (ResourceChange change : context.writes(ResourceKind.BUCKET)) {
            BucketSpec bucket = (BucketSpec) change.desired();
            if (nameHeldElsewhere(context, change, bucket)) {
                diagnostics.add(nameTaken(context, change, bucket));
                continue;
            }
            if (!addsPublicBinding(bucket, change.prior())) {
                continue;
            }
            if (bucketEnforces(bucket)) {
                diagnostics.add(preventedByBucket(change, bucket));
                continue;
            }
            if (organizationEnforces == null) {
                organizationEnforces = organizationEnforces(context, diagnostics);
            }
            if (organizationEnforces) {
                diagnostics.add(preventedByOrganization(context, change, bucket));
            }
        }
        return diagnostics;
    }

    /**
     * Returns whether the change grants a role to a public member that the bucket does not grant
     * yet. A public binding the bucket already has is not written again, so it cannot be rejected.
     */
    private static boolean addsPublicBinding(BucketSpec desired, Spec prior) {
        Map<String, List<String>> current = prior instanceof BucketSpec existing ? existing.iam() : Map.of();
        return desired.iam().entrySet().stream().anyMatch(binding -> binding.getValue().stream()
                .filter(PUBLIC_MEMBERS::contains)
                .anyMatch(member -> !current.getOrDefault(binding.getKey(), List.of()).contains(member)));
    }

    /** Returns whether a bucket to create has a name that another project holds. */
    private static boolean nameHeldElsewhere(PreflightContext context, ResourceChange change, BucketSpec bucket) {
        if (!context.readable(ResourceKind.BUCKET)) {
            return false;
        }
        try {
            ErrorTranslator.call("read bucket " + bucket.name(),
                    () -> context.gateway().clients().storage().get(bucket.name()));
            return false;
        } catch (CloudException failed) {
            // Cloud Storage returns 403 for a bucket that exists in a project we cannot read.
            if (failed.category() == ErrorCategory.PERMISSION_DENIED && change.action() == Action.CREATE) {
                return true;
            }
            throw failed;
        }
    }

    /**
     * Returns whether the bucket will enforce public access prevention itself. Only the stack's
     * setting counts: an apply writes it before the bucket's IAM policy, so a live bucket that
     * enforces prevention while the stack sets {@code inherited} accepts the binding.
     */
    private static boolean bucketEnforces(BucketSpec bucket) {
        return "enforced".equalsIgnoreCase(bucket.publicAccessPrevention());
    }

    /** Returns whether the organization enforces prevention, or false with a warning when it cannot be read. */
    private static boolean organizationEnforces(PreflightContext context, List<Diagnostic> diagnostics) {
        try {
            return OrganizationPublicAccess.enforced(context);
        } catch (CloudException failed) {
            LOG.warn("Could not read the organization policy {} of {}: {}", OrganizationPublicAccess.CONSTRAINT,
                    context.project(), failed.getMessage());
            diagnostics.add(new Diagnostic(Severity.WARNING, "Organization policy on public buckets not checked",
                    "The plan grants a role on a bucket to allUsers or allAuthenticatedUsers, and whether the "
                            + "organization policy constraints/" + OrganizationPublicAccess.CONSTRAINT
                            + " forbids that could not be read: " + failed.getMessage(),
                    "Enable orgpolicy.googleapis.com and grant roles/orgpolicy.policyViewer to check it, or "
                            + "look the policy up with `gcloud org-policies describe "
                            + OrganizationPublicAccess.CONSTRAINT + " --effective --project " + context.project()
                            + "`.", null, null, null, null));
            return false;
        }
    }

    private static Diagnostic nameTaken(PreflightContext context, ResourceChange change, BucketSpec bucket) {
        return new Diagnostic(Severity.ERROR, "Bucket name " + bucket.name() + " is taken",
                "Bucket names are shared by every Google Cloud project, and " + bucket.name()
                        + " already belongs to a project that " + context.project() + " cannot read.",
                "Choose another name for " + change.address() + " in the stack file, such as one "
                        + "that starts with the project id, and plan again.",
                change.address(), null, "name", bucket.name());
    }

    private static Diagnostic preventedByBucket(ResourceChange change, BucketSpec bucket) {
        return new Diagnostic(Severity.ERROR, "Public access is prevented on bucket " + bucket.name(),
                change.address() + " grants a role to allUsers or allAuthenticatedUsers, but public access "
                        + "prevention is enforced on the bucket, so Cloud Storage rejects the binding.",
                "Set public_access_prevention to inherited (when no organization policy enforces it), "
                        + "or remove the public member from iam.", change.address(), null, "iam",
                bucket.name());
    }

    private static Diagnostic preventedByOrganization(PreflightContext context, ResourceChange change,
            BucketSpec bucket) {
        return new Diagnostic(Severity.ERROR, "Public access is prevented on bucket " + bucket.name(),
                change.address() + " grants a role to allUsers or allAuthenticatedUsers, but the organization "
                        + "policy constraints/" + OrganizationPublicAccess.CONSTRAINT + " is enforced on "
                        + context.project() + " and the bucket inherits it, so Cloud Storage rejects the binding.",
                "Remove the public member from iam and serve the files another way (for example signed URLs), "
                        + "or ask an organization policy administrator for an exception for " + context.project()
                        + ".", change.address(), null, "iam", bucket.name());
    }
}
