package dev.terrace.core.spec;

import java.util.List;
import java.util.Map;

/**
 * A Secret Manager secret: its metadata and IAM, never a value. Values are versions, added
 * through {@link dev.terrace.core.port.SecretValues}.
 *
 * @param replication {@code automatic}, or {@code user-managed} with {@code replicaLocations}
 * @param iam members per role on the secret itself
 */
public record SecretSpec(
        String secretId,
        String replication,
        List<String> replicaLocations,
        Map<String, String> labels,
        Map<String, List<String>> iam) implements Spec {

    public SecretSpec {
        replication = replication == null ? "automatic" : replication;
        replicaLocations = Specs.list(replicaLocations);
        labels = Specs.sorted(labels);
        iam = Specs.iam(iam);
    }

    @Override
    public String identity() {
        return secretId;
    }
}
