package dev.terrace.session;

import dev.terrace.core.secret.DjangoKey;
import java.nio.charset.StandardCharsets;

/** Placeholder secret values for the sandbox, shaped as the app expects each secret to be. */
final class SandboxSecrets {

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
                value = new String(DjangoKey.generate());
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
}
