package dev.terrace.core.spec;

import java.util.List;
import java.util.Map;

/**
 * A Cloud Storage bucket with its bucket-level IAM.
 *
 * @param publicAccessPrevention {@code inherited} or {@code enforced}
 * @param forceDestroy whether a delete may remove the objects first; Terrace's choice, not a
 *     field of the bucket, so it is never compared with what the cloud returns
 */
public record BucketSpec(
        String name,
        String location,
        String storageClass,
        Boolean uniformBucketLevelAccess,
        String publicAccessPrevention,
        Boolean versioning,
        Boolean forceDestroy,
        List<CorsRule> cors,
        Map<String, String> labels,
        Map<String, List<String>> iam) implements Spec {

    public BucketSpec {
        storageClass = storageClass == null ? "STANDARD" : storageClass;
        uniformBucketLevelAccess = uniformBucketLevelAccess == null || uniformBucketLevelAccess;
        publicAccessPrevention = publicAccessPrevention == null ? "inherited" : publicAccessPrevention;
        versioning = versioning != null && versioning;
        forceDestroy = forceDestroy != null && forceDestroy;
        cors = cors == null ? List.of() : List.copyOf(cors);
        labels = Specs.sorted(labels);
        iam = Specs.iam(iam);
    }

    @Override
    public String identity() {
        return name;
    }
}
