package dev.terrace.session;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** Placeholder secret values for the sandbox, shaped as the app expects each secret to be. */
final class SandboxSecrets {

    private static final String URL_SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
    private static final int DJANGO_KEY_LENGTH = 50;

    private SandboxSecrets() {
    }

    /** Returns a placeholder for the secret; the caller wipes the array after use. */
    static byte[] placeholder(String secretId) {
        String value;
        switch (secretId) {
            case "DATABASE_URL":
                value = "postgres://sandbox:sandbox@127.0.0.1:5432/sandbox?sslmode=require";
                break;
            case "DJANGO_SECRET_KEY":
                value = randomKey();
                break;
            case "EMAIL_PORT":
                value = "587";
                break;
            case "EMAIL_HOST":
                value = "127.0.0.1";
                break;
            default:
                value = "sandbox-" + secretId.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                break;
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String randomKey() {
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder(DJANGO_KEY_LENGTH);
        for (int index = 0; index < DJANGO_KEY_LENGTH; index++) {
            key.append(URL_SAFE.charAt(random.nextInt(URL_SAFE.length())));
        }
        return key.toString();
    }
}
