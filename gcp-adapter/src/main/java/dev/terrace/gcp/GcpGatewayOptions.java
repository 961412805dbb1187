package dev.terrace.gcp;

import java.time.Duration;
import java.util.Objects;

/**
 * The adapter's waiting settings: for long-running operations, for an API that was just enabled,
 * and for a service account that was just created.
 *
 * @param pollInterval the first wait between two polls of a long-running operation
 * @param maxPollInterval the longest wait between two polls; each wait is 1.5 times the last
 * @param operationTimeLimit how long one call waits for its operation before it raises DEADLINE
 *     with the operation's name, so that the next run resumes waiting on it
 * @param apiPropagationWindow how long a call that fails as API_DISABLED right after the API was
 *     enabled through this gateway is retried
 * @param accountVisibleReads how many reads in a row must find a new service account before its
 *     create returns, since IAM reads are eventually consistent
 */
public record GcpGatewayOptions(Duration pollInterval, Duration maxPollInterval, Duration operationTimeLimit,
        Duration apiPropagationWindow, int accountVisibleReads) {

    public GcpGatewayOptions {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(maxPollInterval, "maxPollInterval");
        Objects.requireNonNull(operationTimeLimit, "operationTimeLimit");
        Objects.requireNonNull(apiPropagationWindow, "apiPropagationWindow");
        if (accountVisibleReads < 1) {
            throw new IllegalArgumentException("accountVisibleReads must be at least 1, was " + accountVisibleReads);
        }
    }

    /**
     * Returns settings for Google Cloud. The 10-minute operation limit covers a Cloud Run deploy,
     * which takes up to a few minutes. Enabling an API can take minutes to reach every service.
     */
    public static GcpGatewayOptions defaults() {
        return new GcpGatewayOptions(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(10),
                Duration.ofMinutes(5), 3);
    }

    /** Returns settings for a local emulator, which finishes operations within seconds. */
    public static GcpGatewayOptions sandbox() {
        return new GcpGatewayOptions(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(2),
                Duration.ofMinutes(1), 2);
    }

    public GcpGatewayOptions withOperationTimeLimit(Duration limit) {
        return new GcpGatewayOptions(pollInterval, maxPollInterval, limit, apiPropagationWindow, accountVisibleReads);
    }

    public GcpGatewayOptions withApiPropagationWindow(Duration window) {
        return new GcpGatewayOptions(pollInterval, maxPollInterval, operationTimeLimit, window, accountVisibleReads);
    }
}
