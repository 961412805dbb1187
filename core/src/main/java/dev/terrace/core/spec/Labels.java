package dev.terrace.core.spec;

import java.util.Map;

/** Reads the labels of the spec types that carry them. */
public final class Labels {

    /** The label every resource Terrace creates carries. */
    public static final String MANAGED_BY = "managed-by";

    /** The label that names the stack a resource belongs to. */
    public static final String STACK = "terrace-stack";

    private Labels() {
    }

    public static Map<String, String> of(Spec spec) {
        if (spec instanceof ArtifactRepositorySpec repository) {
            return repository.labels();
        }
        if (spec instanceof SecretSpec secret) {
            return secret.labels();
        }
        if (spec instanceof BucketSpec bucket) {
            return bucket.labels();
        }
        if (spec instanceof RunServiceSpec service) {
            return service.labels();
        }
        if (spec instanceof RunJobSpec job) {
            return job.labels();
        }
        return Map.of();
    }
}
