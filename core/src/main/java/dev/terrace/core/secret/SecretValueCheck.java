package dev.terrace.core.secret;

import java.nio.charset.CharacterCodingException;

/**
 * The checks a new version's value passes before it is sent: not empty, within Secret Manager's
 * payload limit, UTF-8 when the secret is text, and the shape the app expects of a known secret.
 * Failures name the secret and the rule, never the value.
 */
final class SecretValueCheck {

    static final int MAX_BYTES = SecretEditor.MAX_VALUE_BYTES;

    private static final int MAX_PORT = 65_535;

    private SecretValueCheck() {
    }

    /** @throws SecretInputException when the value breaks a rule */
    static void check(String secretId, byte[] value, boolean text) {
        if (value.length == 0) {
            throw SecretInputException.of("secret.empty", secretId);
        }
        if (value.length > MAX_BYTES) {
            throw SecretInputException.of("secret.too_large", secretId, value.length, MAX_BYTES);
        }
        if (!text) {
            return;
        }
        char[] decoded;
        try {
            decoded = SecretBytes.decodeUtf8(value);
        } catch (CharacterCodingException invalid) {
            throw SecretInputException.of("secret.not_utf8", secretId);
        }
        try {
            checkKnown(secretId, decoded);
        } finally {
            SecretBytes.wipe(decoded);
        }
    }

    private static void checkKnown(String secretId, char[] text) {
        if (secretId.equals(KnownSecrets.DATABASE_URL)) {
            PostgresUrlCheck.problem(text).ifPresent(reason -> {
                throw SecretInputException.of("secret.database_url", secretId, reason);
            });
        }
        if (secretId.equals(KnownSecrets.EMAIL_PORT) && !isPort(text)) {
            throw SecretInputException.of("secret.email_port", secretId, MAX_PORT);
        }
    }

    private static boolean isPort(char[] text) {
        if (text.length == 0 || text.length > 5) {
            return false;
        }
        int port = 0;
        for (char digit : text) {
            if (digit < '0' || digit > '9') {
                return false;
            }
            port = port * 10 + (digit - '0');
        }
        return port >= 1 && port <= MAX_PORT;
    }
}
