package dev.terrace.desktop.secrets;

import dev.terrace.core.port.CloudException;
import dev.terrace.core.secret.SecretInputException;
import dev.terrace.core.secret.VersionComparison;
import dev.terrace.desktop.Texts;

/** The secret editor's sentences for outcomes and failures; none contains a value. */
final class SecretMessages {

    private SecretMessages() {
    }

    static String comparison(VersionComparison result) {
        return Texts.get(result.same() ? "secrets.compare.same" : "secrets.compare.different", result.secretId(),
                result.first(), result.second(), result.firstBytes(), result.secondBytes());
    }

    /** Returns the user's message for a failure; secret and cloud errors never contain a value. */
    static String failure(Throwable failed) {
        if (failed instanceof SecretInputException || failed instanceof SecretFiles.UnreadableFileException) {
            return failed.getMessage();
        }
        if (failed instanceof CloudException cloud) {
            return Texts.get("secrets.cloud_failed", cloud.category(), cloud.getMessage());
        }
        return Texts.get("secrets.failed", failed.getClass().getSimpleName(), String.valueOf(failed.getMessage()));
    }
}
