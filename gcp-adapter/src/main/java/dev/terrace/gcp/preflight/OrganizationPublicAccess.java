package dev.terrace.gcp.preflight;

import com.google.cloud.orgpolicy.v2.Policy;
import com.google.cloud.orgpolicy.v2.PolicySpec.PolicyRule;
import dev.terrace.gcp.error.ErrorTranslator;

/**
 * Reads whether the organization policy {@code constraints/storage.publicAccessPrevention} is in
 * force on the project. Buckets whose own setting is {@code inherited} then reject public members.
 */
final class OrganizationPublicAccess {

    static final String CONSTRAINT = "storage.publicAccessPrevention";

    private OrganizationPublicAccess() {
    }

    /**
     * Returns whether the effective policy enforces the constraint. A boolean constraint's
     * effective policy has rules with {@code enforce}; a rule with a condition is ignored, because
     * it applies only to some resources and cannot be judged here.
     */
    static boolean enforced(PreflightContext context) {
        String name = "projects/" + context.project() + "/policies/" + CONSTRAINT;
        Policy policy = ErrorTranslator.call("read the organization policy " + CONSTRAINT,
                () -> context.gateway().clients().orgPolicy().getEffectivePolicy(name));
        return policy.getSpec().getRulesList().stream()
                .filter(rule -> !rule.hasCondition())
                .anyMatch(PolicyRule::getEnforce);
    }
}
