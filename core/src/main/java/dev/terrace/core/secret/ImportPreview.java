package dev.terrace.core.secret;

import java.util.List;

/**
 * The outcome importing a {@code .env} file would have, by secret name. It contains no value.
 *
 * @param newSecrets names the project does not have yet; import creates each as an unmanaged
 *     secret with automatic replication and adds the value as its first version
 * @param newVersions secrets whose newest version differs from the file, or that have no enabled
 *     newest version; import adds the value as a new version
 * @param unchanged secrets whose newest version contains the file's value already
 * @param rejected one message per entry that cannot be imported, naming the secret and the fix;
 *     import refuses to start while any exists
 */
public record ImportPreview(List<String> newSecrets, List<String> newVersions, List<String> unchanged,
        List<String> rejected) {

    public ImportPreview {
        newSecrets = List.copyOf(newSecrets);
        newVersions = List.copyOf(newVersions);
        unchanged = List.copyOf(unchanged);
        rejected = List.copyOf(rejected);
    }
}
