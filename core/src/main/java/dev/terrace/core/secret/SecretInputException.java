package dev.terrace.core.secret;

import dev.terrace.core.diag.Messages;

/**
 * A secret operation rejected before it reached the cloud, so nothing changed. The message names
 * the secret, the rule and the fix, and never contains a value.
 */
public class SecretInputException extends RuntimeException {

    private final String reasonKey;

    SecretInputException(String reasonKey, String message) {
        super(message);
        this.reasonKey = reasonKey;
    }

    /** Builds the exception with the text under {@code key} in the core message bundle. */
    static SecretInputException of(String key, Object... arguments) {
        return new SecretInputException(key, Messages.get(key, arguments));
    }

    /** Returns the message key of the rule that failed, such as {@code secret.empty}, for tests and UIs. */
    public String reasonKey() {
        return reasonKey;
    }
}
