package dev.terrace.core.memory;

import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.port.SecretMetadata;
import dev.terrace.core.port.SecretValues;
import dev.terrace.core.port.SecretVersion;
import dev.terrace.core.spec.SecretSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Secret versions of the in-memory gateway. Values stay in this process only and are never
 * written to the fake cloud's file; destroying a version wipes its bytes.
 */
final class MemorySecretValues implements SecretValues {

    private final MemoryGateway gateway;
    private final Map<String, List<Stored>> versions = new HashMap<>();

    MemorySecretValues(MemoryGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public synchronized List<SecretMetadata> secrets() {
        List<SecretMetadata> secrets = new ArrayList<>();
        gateway.cloud().all(ResourceKind.SECRET).values().forEach(stored -> {
            SecretSpec spec = gateway.mapper().convertValue(stored.spec, SecretSpec.class);
            secrets.add(new SecretMetadata(spec.secretId(), spec.replication(), spec.replicaLocations(),
                    spec.labels()));
        });
        return secrets;
    }

    @Override
    public synchronized List<SecretVersion> versions(String secretId) {
        requireSecret(secretId);
        return versions.getOrDefault(secretId, List.of()).stream().map(Stored::describe).toList();
    }

    @Override
    public synchronized SecretVersion add(String secretId, byte[] value) {
        requireSecret(secretId);
        List<Stored> list = versions.computeIfAbsent(secretId, id -> new ArrayList<>());
        Stored stored = new Stored(secretId, Integer.toString(list.size() + 1), Arrays.copyOf(value, value.length));
        list.add(stored);
        return stored.describe();
    }

    @Override
    public synchronized byte[] access(String secretId, String version) {
        Stored stored = find(secretId, version);
        if (!stored.state.equals("ENABLED")) {
            throw new CloudException(ErrorCategory.FAILED_PRECONDITION, "Secret version " + secretId + "/"
                    + stored.version + " is in " + stored.state + " state");
        }
        return Arrays.copyOf(stored.value, stored.value.length);
    }

    @Override
    public synchronized SecretVersion enable(String secretId, String version) {
        return change(secretId, version, "ENABLED");
    }

    @Override
    public synchronized SecretVersion disable(String secretId, String version) {
        return change(secretId, version, "DISABLED");
    }

    @Override
    public synchronized SecretVersion destroy(String secretId, String version) {
        Stored stored = find(secretId, version);
        Arrays.fill(stored.value, (byte) 0);
        stored.state = "DESTROYED";
        return stored.describe();
    }

    private SecretVersion change(String secretId, String version, String state) {
        Stored stored = find(secretId, version);
        if (stored.state.equals("DESTROYED")) {
            throw new CloudException(ErrorCategory.FAILED_PRECONDITION, "Secret version " + secretId + "/"
                    + stored.version + " is destroyed and cannot change state");
        }
        stored.state = state;
        return stored.describe();
    }

    private Stored find(String secretId, String version) {
        requireSecret(secretId);
        List<Stored> list = versions.getOrDefault(secretId, List.of());
        // As in Secret Manager, latest is the newest version whatever its state.
        if (version.equals("latest")) {
            if (list.isEmpty()) {
                throw new CloudException(ErrorCategory.NOT_FOUND, "Secret " + secretId + " has no version");
            }
            return list.get(list.size() - 1);
        }
        return list.stream().filter(stored -> stored.version.equals(version)).findFirst()
                .orElseThrow(() -> new CloudException(ErrorCategory.NOT_FOUND, "Secret version " + secretId + "/"
                        + version + " not found"));
    }

    private void requireSecret(String secretId) {
        SecretSpec probe = new SecretSpec(secretId, null, null, null, null);
        if (gateway.cloud().get(ResourceKind.SECRET, probe.identity()).isEmpty()) {
            throw new CloudException(ErrorCategory.NOT_FOUND, "Secret " + secretId + " not found");
        }
    }

    private static final class Stored {
        final String secretId;
        final String version;
        final byte[] value;
        final Instant created = Instant.now();
        String state = "ENABLED";

        Stored(String secretId, String version, byte[] value) {
            this.secretId = secretId;
            this.version = version;
            this.value = value;
        }

        SecretVersion describe() {
            return new SecretVersion(secretId, version, state, created);
        }
    }
}
