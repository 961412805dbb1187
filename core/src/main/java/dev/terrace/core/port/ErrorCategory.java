package dev.terrace.core.port;

/**
 * What went wrong with a cloud call, in the engine's terms. The adapter maps each gRPC or HTTP
 * status (with its error details) to one of these; the applier retries the retryable ones.
 */
public enum ErrorCategory {
    NOT_FOUND(false),
    ALREADY_EXISTS(false),
    PERMISSION_DENIED(false),
    /** The API is not enabled on the project, or was enabled so recently that it has not propagated. */
    API_DISABLED(false),
    FAILED_PRECONDITION(false),
    /** A concurrent change won (a stale etag, an aborted transaction); reading again and retrying helps. */
    CONFLICT(true),
    QUOTA(true),
    UNAVAILABLE(true),
    INVALID_ARGUMENT(false),
    DEADLINE(true),
    /** Anything the mapping table does not know; treated as permanent so a bug is not retried forever. */
    UNKNOWN(false);

    private final boolean retryableByDefault;

    ErrorCategory(boolean retryableByDefault) {
        this.retryableByDefault = retryableByDefault;
    }

    public boolean retryableByDefault() {
        return retryableByDefault;
    }
}
