package dev.terrace.desktop.chapters;

import dev.terrace.core.port.SecretValues;
import dev.terrace.desktop.Texts;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Checks the shape of the DATABASE_URL secret: a {@code postgres://} or {@code postgresql://}
 * URL with {@code sslmode=require}, since the database only takes TLS connections. The value is
 * decoded into a char array, checked, and wiped; only the verdict leaves this class.
 */
final class ConnectionStringCheck {

    static final String SECRET = "DATABASE_URL";

    private ConnectionStringCheck() {
    }

    static String run(SecretValues secrets) {
        byte[] value = secrets.access(SECRET, "latest");
        char[] text = null;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(value)).array();
            return verdict(text);
        } catch (CharacterCodingException notText) {
            return Texts.get("chapter.04.not_text");
        } finally {
            Arrays.fill(value, (byte) 0);
            if (text != null) {
                Arrays.fill(text, '\0');
            }
        }
    }

    static String verdict(char[] text) {
        String scheme = prefix(text, "postgresql://") ? "postgresql://" : prefix(text, "postgres://") ? "postgres://" : null;
        if (scheme == null) {
            return Texts.get("chapter.04.not_postgres");
        }
        if (!contains(text, "sslmode=require")) {
            return Texts.get("chapter.04.no_ssl");
        }
        return Texts.get("chapter.04.ok");
    }

    private static boolean prefix(char[] text, String start) {
        if (text.length < start.length()) {
            return false;
        }
        for (int index = 0; index < start.length(); index++) {
            if (text[index] != start.charAt(index)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(char[] text, String part) {
        outer:
        for (int start = 0; start + part.length() <= text.length; start++) {
            for (int index = 0; index < part.length(); index++) {
                if (text[start + index] != part.charAt(index)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
