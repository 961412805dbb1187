package dev.terrace.cli;

import dev.terrace.core.secret.SecretEntry;
import dev.terrace.core.secret.SecretReader;
import java.util.stream.Collectors;

/** The words and short forms {@code terrace secrets} prints for a secret. */
final class SecretsText {

    private SecretsText() {
    }

    /** Returns "managed", "unmanaged", or "missing" for a stack secret the project does not have yet. */
    static String management(SecretEntry entry) {
        if (!entry.exists()) {
            return Texts.get("secrets.missing");
        }
        return Texts.get(entry.managed() ? "secrets.managed" : "secrets.unmanaged");
    }

    /** Returns the newest version and its state, such as {@code 3 ENABLED}, or {@code -}. */
    static String newest(SecretEntry entry) {
        return entry.latest().map(version -> version.version() + " " + version.state()).orElse("-");
    }

    static String replication(SecretEntry entry) {
        if (entry.replicaLocations().isEmpty()) {
            return entry.replication();
        }
        return entry.replication() + " (" + String.join(",", entry.replicaLocations()) + ")";
    }

    /** Returns each reader as {@code run_service.web DATABASE_URL@latest}, or {@code -}. */
    static String readers(SecretEntry entry) {
        if (entry.readers().isEmpty()) {
            return "-";
        }
        return entry.readers().stream().map(SecretsText::reader).collect(Collectors.joining(", "));
    }

    static String reader(SecretReader reader) {
        return reader.resource() + " " + reader.envVar() + "@" + reader.version();
    }
}
