package dev.terrace.core.port;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One secret of the project as Secret Manager lists it, without versions or values.
 *
 * @param replication {@code automatic} or {@code user-managed}
 * @param replicaLocations the locations of a user-managed secret; empty for automatic replication
 */
public record SecretMetadata(String secretId, String replication, List<String> replicaLocations,
        Map<String, String> labels) {

    public SecretMetadata {
        replicaLocations = replicaLocations == null ? List.of() : List.copyOf(replicaLocations);
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
