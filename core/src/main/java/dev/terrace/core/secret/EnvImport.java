package dev.terrace.core.secret;

import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.SecretMetadata;
import dev.terrace.core.port.SecretValues;
import dev.terrace.core.port.SecretVersion;
import dev.terrace.core.spec.SecretSpec;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import of one parsed {@code .env} file: a preview that compares each value with the
 * secret's newest version without revealing either, then the import itself. It keeps the values
 * until {@link #close()} wipes them.
 */
public final class EnvImport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnvImport.class);

    private static final Pattern SECRET_ID = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private final SecretEditor editor;
    private final List<EnvEntry> entries;

    EnvImport(SecretEditor editor, List<EnvEntry> entries) {
        this.editor = editor;
        this.entries = entries;
    }

    /** Reads the project and classifies every entry of the file; changes nothing. */
    public ImportPreview preview() {
        SecretValues values = editor.gateway().secretValues();
        Set<String> inProject = values.secrets().stream().map(SecretMetadata::secretId).collect(Collectors.toSet());
        List<String> newSecrets = new ArrayList<>();
        List<String> newVersions = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (EnvEntry entry : entries) {
            Optional<String> problem = problem(entry, inProject);
            if (problem.isPresent()) {
                rejected.add(problem.get());
            } else if (!inProject.contains(entry.name())) {
                newSecrets.add(entry.name());
            } else if (newestHolds(values, entry)) {
                unchanged.add(entry.name());
            } else {
                newVersions.add(entry.name());
            }
        }
        return new ImportPreview(newSecrets, newVersions, unchanged, rejected);
    }

    /**
     * Imports the file as the preview describes it: creates the new secrets and adds the new
     * versions. Raises {@link SecretInputException} with nothing changed when any entry is rejected.
     */
    public List<SecretChange> apply() {
        ImportPreview preview = preview();
        if (!preview.rejected().isEmpty()) {
            throw SecretInputException.of("secret.import_rejected", preview.rejected().size(),
                    String.join(" ", preview.rejected()));
        }

        List<SecretChange> changes = new ArrayList<>();
        for (EnvEntry entry : entries) {
            if (preview.newSecrets().contains(entry.name())) {
                editor.gateway().<SecretSpec>driver(ResourceKind.SECRET).create(
                        new SecretSpec(entry.name(), "automatic", List.of(), Map.of(), Map.of()));
                LOG.info("Created unmanaged secret {} in project {} for a .env import", entry.name(),
                        editor.gateway().project());
            }
            if (preview.newSecrets().contains(entry.name()) || preview.newVersions().contains(entry.name())) {
                changes.add(editor.addVersion(entry.name(), entry.value()));
            }
        }
        return changes;
    }

    /** Wipes every value of the file. */
    @Override
    public void close() {
        entries.forEach(EnvEntry::wipe);
    }

    private Optional<String> problem(EnvEntry entry, Set<String> inProject) {
        if (!SECRET_ID.matcher(entry.name()).matches()) {
            return Optional.of(SecretInputException.of("secret.import_invalid_name", entry.name(), entry.line())
                    .getMessage());
        }
        boolean declared = editor.catalogue().stack().all().stream().map(resource -> resource.spec())
                .anyMatch(spec -> spec instanceof SecretSpec secret && secret.secretId().equals(entry.name()));
        if (declared && !inProject.contains(entry.name())) {
            return Optional.of(SecretInputException.of("secret.not_created", entry.name(),
                    editor.gateway().project()).getMessage());
        }
        try {
            SecretValueCheck.check(entry.name(), entry.value(), true);
            return Optional.empty();
        } catch (SecretInputException invalid) {
            return Optional.of(invalid.getMessage());
        }
    }

    /** Returns whether the newest version is enabled and contains the entry's value, compared in constant time. */
    private static boolean newestHolds(SecretValues values, EnvEntry entry) {
        List<SecretVersion> versions = values.versions(entry.name());
        Optional<SecretVersion> newest = versions.stream()
                .max((left, right) -> Long.compare(Long.parseLong(left.version()), Long.parseLong(right.version())));
        if (newest.isEmpty() || !newest.get().state().equals("ENABLED")) {
            return false;
        }
        byte[] current = values.access(entry.name(), newest.get().version());
        try {
            return MessageDigest.isEqual(current, entry.value());
        } finally {
            SecretBytes.wipe(current);
        }
    }
}
