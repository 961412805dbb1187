package dev.terrace.core.secret;

import dev.terrace.core.port.SecretVersion;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One secret as the editor shows it: its metadata, its versions newest first, and the services
 * and jobs of the stack that read it. It never contains a value.
 *
 * @param managed whether the stack declares the secret; the project's other secrets are unmanaged
 * @param exists whether the secret exists in the project; a stack secret is missing until apply
 *     creates it
 * @param replication {@code automatic} or {@code user-managed}
 */
public record SecretEntry(String secretId, boolean managed, boolean exists, String replication,
        List<String> replicaLocations, Map<String, String> labels, List<SecretVersion> versions,
        List<SecretReader> readers) {

    public SecretEntry {
        replicaLocations = List.copyOf(replicaLocations);
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        versions = List.copyOf(versions);
        readers = List.copyOf(readers);
    }

    /** Returns the newest version, which the {@code latest} alias names whatever its state. */
    public Optional<SecretVersion> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
    }

    /** Returns a version by number. */
    public Optional<SecretVersion> version(String number) {
        return versions.stream().filter(version -> version.version().equals(number)).findFirst();
    }
}
