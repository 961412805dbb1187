package dev.terrace.desktop.chapters;

import dev.terrace.core.port.SecretValues;
import dev.terrace.core.secret.PostgresUrlCheck;
import dev.terrace.core.secret.SecretBytes;
import dev.terrace.desktop.Texts;
import java.nio.charset.CharacterCodingException;

/**
 * Checks the shape of the DATABASE_URL secret with the secret editor's own rule: a Postgres URL
 * with a host and {@code sslmode=require}. The value is decoded into a char array, checked and
 * wiped, and only the verdict leaves this class.
 */
final class ConnectionStringCheck {

    static final String SECRET = "DATABASE_URL";

    private ConnectionStringCheck() {
    }

    /** Reads the latest version and returns the verdict in words; the value itself is never returned. */
    static String run(SecretValues secrets) {
        byte[] value = secrets.access(SECRET, "latest");
        char[] text = null;
        try {
            text = SecretBytes.decodeUtf8(value);
            return verdict(text);
        } catch (CharacterCodingException notText) {
            return Texts.get("chapter.04.not_text");
        } finally {
            SecretBytes.wipe(value);
            SecretBytes.wipe(text);
        }
    }

    /** Returns the first problem of a connection string, or that the app can use it. */
    static String verdict(char[] text) {
        return PostgresUrlCheck.problem(text).map(problem -> Texts.get("chapter.04.invalid", problem))
                .orElse(Texts.get("chapter.04.ok"));
    }
}
