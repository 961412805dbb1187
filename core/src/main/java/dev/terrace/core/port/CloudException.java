package dev.terrace.core.port;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one error type a gateway raises. Its message is safe to show: it names the call and the
 * object, never a secret value.
 */
public class CloudException extends RuntimeException {

    private final ErrorCategory category;
    private final boolean retryable;
    private final Duration retryDelay;
    private final String operationName;

    public CloudException(ErrorCategory category, String message) {
        this(category, message, category.retryableByDefault(), null, null, null);
    }

    /**
     * @param retryDelay the delay the server asked for (RetryInfo), or null
     * @param operationName a long-running operation still in flight, for the journal, or null
     */
    public CloudException(ErrorCategory category, String message, boolean retryable, Duration retryDelay,
            String operationName, Throwable cause) {
        super(message, cause);
        this.category = Objects.requireNonNull(category, "category");
        this.retryable = retryable;
        this.retryDelay = retryDelay;
        this.operationName = operationName;
    }

    public ErrorCategory category() {
        return category;
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryDelay() {
        return Optional.ofNullable(retryDelay);
    }

    public Optional<String> operationName() {
        return Optional.ofNullable(operationName);
    }
}
