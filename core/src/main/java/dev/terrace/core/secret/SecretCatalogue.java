package dev.terrace.core.secret;

import dev.terrace.core.model.Resource;
import dev.terrace.core.port.SecretMetadata;
import dev.terrace.core.port.SecretValues;
import dev.terrace.core.port.SecretVersion;
import dev.terrace.core.spec.RunJobSpec;
import dev.terrace.core.spec.RunServiceSpec;
import dev.terrace.core.spec.SecretEnvVar;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.core.stack.Stack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every secret of the stack, and the project's other secrets marked unmanaged, with their versions
 * and the services and jobs that read them. Each call reads the project again.
 */
public final class SecretCatalogue {

    private static final String REFERENCE_PREFIX = "secret.";

    private final Stack stack;
    private final SecretValues values;

    public SecretCatalogue(Stack stack, SecretValues values) {
        this.stack = stack;
        this.values = values;
    }

    /** Lists the stack's secrets in stack order, then the project's other secrets by id. */
    public List<SecretEntry> list() {
        Map<String, SecretMetadata> inProject = values.secrets().stream()
                .collect(Collectors.toMap(SecretMetadata::secretId, metadata -> metadata, (a, b) -> a,
                        LinkedHashMap::new));
        List<SecretEntry> entries = new ArrayList<>();
        for (SecretSpec spec : stackSecrets()) {
            entries.add(entry(spec.secretId(), Optional.ofNullable(inProject.remove(spec.secretId())), Optional.of(spec)));
        }
        inProject.values().stream().sorted(Comparator.comparing(SecretMetadata::secretId))
                .forEach(metadata -> entries.add(entry(metadata.secretId(), Optional.of(metadata), Optional.empty())));
        return entries;
    }

    /**
     * Reads one secret.
     *
     * @throws SecretInputException when neither the stack nor the project has the secret
     */
    public SecretEntry find(String secretId) {
        Optional<SecretSpec> declared = stackSecrets().stream().filter(spec -> spec.secretId().equals(secretId))
                .findFirst();
        Optional<SecretMetadata> existing = values.secrets().stream()
                .filter(metadata -> metadata.secretId().equals(secretId)).findFirst();
        if (declared.isEmpty() && existing.isEmpty()) {
            throw SecretInputException.of("secret.unknown", secretId, known());
        }
        return entry(secretId, existing, declared);
    }

    /** Lists the stack's services and jobs that read the secret, in stack order. */
    public List<SecretReader> readers(String secretId) {
        List<SecretReader> readers = new ArrayList<>();
        for (Resource resource : stack.all()) {
            Map<String, SecretEnvVar> secretEnv = secretEnv(resource);
            secretEnv.forEach((envVar, reference) -> {
                if (secretId.equals(secretIdOf(reference))) {
                    readers.add(new SecretReader(resource.address(), envVar, reference.version()));
                }
            });
        }
        return readers;
    }

    /** Returns whether a secret is read into an environment variable, so its value must be text. */
    boolean isText(String secretId) {
        return KnownSecrets.isKnown(secretId) || !readers(secretId).isEmpty()
                || stackSecrets().stream().anyMatch(spec -> spec.secretId().equals(secretId));
    }

    Stack stack() {
        return stack;
    }

    private SecretEntry entry(String secretId, Optional<SecretMetadata> existing, Optional<SecretSpec> declared) {
        List<SecretVersion> versions = existing.isPresent() ? newestFirst(values.versions(secretId)) : List.of();
        String replication = existing.map(SecretMetadata::replication)
                .orElseGet(() -> declared.map(SecretSpec::replication).orElse("automatic"));
        List<String> locations = existing.map(SecretMetadata::replicaLocations)
                .orElseGet(() -> declared.map(SecretSpec::replicaLocations).orElse(List.of()));
        Map<String, String> labels = existing.map(SecretMetadata::labels)
                .orElseGet(() -> declared.map(SecretSpec::labels).orElse(Map.of()));
        return new SecretEntry(secretId, declared.isPresent(), existing.isPresent(), replication, locations, labels,
                versions, readers(secretId));
    }

    private List<SecretSpec> stackSecrets() {
        return stack.all().stream().map(Resource::spec).filter(SecretSpec.class::isInstance)
                .map(SecretSpec.class::cast).toList();
    }

    private String known() {
        List<String> names = new ArrayList<>();
        stackSecrets().forEach(spec -> names.add(spec.secretId()));
        values.secrets().forEach(metadata -> {
            if (!names.contains(metadata.secretId())) {
                names.add(metadata.secretId());
            }
        });
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static Map<String, SecretEnvVar> secretEnv(Resource resource) {
        if (resource.spec() instanceof RunServiceSpec service) {
            return service.secretEnv();
        }
        if (resource.spec() instanceof RunJobSpec job) {
            return job.secretEnv();
        }
        return Map.of();
    }

    /** Returns the secret id of a reference, linked ({@code DATABASE_URL}) or not ({@code secret.DATABASE_URL}). */
    private static String secretIdOf(SecretEnvVar reference) {
        String secret = reference.secret();
        if (secret == null) {
            return null;
        }
        return secret.startsWith(REFERENCE_PREFIX) ? secret.substring(REFERENCE_PREFIX.length()) : secret;
    }

    private static List<SecretVersion> newestFirst(List<SecretVersion> versions) {
        List<SecretVersion> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparingLong((SecretVersion version) -> number(version.version())).reversed());
        return sorted;
    }

    private static long number(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
