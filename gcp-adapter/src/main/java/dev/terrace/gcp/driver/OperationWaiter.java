package dev.terrace.gcp.driver;

import com.google.longrunning.Operation;
import com.google.longrunning.OperationsClient;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.gcp.GcpGatewayOptions;
import dev.terrace.gcp.error.ErrorTranslator;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for long-running operations with the gateway's polling settings and time limit. When the
 * limit passes, it raises DEADLINE with the operation's name, which the applier journals so that
 * the next run waits on the same operation instead of starting the change again.
 */
final class OperationWaiter {

    private static final Logger LOG = LoggerFactory.getLogger(OperationWaiter.class);

    private final GcpGatewayOptions options;

    OperationWaiter(GcpGatewayOptions options) {
        this.options = options;
    }

    /**
     * Polls an operation until it is done and returns its response.
     *
     * @param action what the operation does, naming the object, for messages and logs
     * @param responseType the response message, or null when only success matters
     */
    <T extends Message> T await(String action, OperationsClient operations, Operation started, Class<T> responseType) {
        Operation operation = started;
        Instant deadline = Instant.now().plus(options.operationTimeLimit());
        Duration interval = options.pollInterval();
        LOG.info("Waiting for {}: operation {}", action, operation.getName());
        while (!operation.getDone()) {
            if (Instant.now().plus(interval).isAfter(deadline)) {
                throw new CloudException(ErrorCategory.DEADLINE, action + " is still running after "
                        + options.operationTimeLimit().toSeconds() + " s (operation " + operation.getName()
                        + "). The next apply waits for this operation again; it does not start the change twice.",
                        true, null, operation.getName(), null);
            }
            sleep(interval, action);
            operation = poll(action, operations, operation);
            interval = min(options.maxPollInterval(), Duration.ofMillis((long) (interval.toMillis() * 1.5)));
        }
        if (operation.hasError()) {
            throw ErrorTranslator.fromStatus(action, operation.getError(), operation.getName());
        }
        LOG.info("{} finished: operation {}", action, operation.getName());
        return responseType == null ? null : unpack(action, operation.getResponse(), responseType);
    }

    /**
     * Reads the operation once more. A poll that fails in a retryable way keeps the last known
     * state, because failing here would make the applier start the whole change again.
     */
    private static Operation poll(String action, OperationsClient operations, Operation last) {
        String name = last.getName();
        try {
            return Calls.call(action + " (poll " + name + ")", () -> operations.getOperation(name));
        } catch (CloudException failed) {
            if (!failed.retryable()) {
                throw failed;
            }
            LOG.info("Polling operation {} of {} failed ({}); polling again", name, action, failed.category());
            return last;
        }
    }

    /** Returns the operation of a name an earlier run recorded, so that it can be awaited again. */
    Operation lookUp(String action, OperationsClient operations, String name) {
        return Calls.call(action + " (resume " + name + ")", () -> operations.getOperation(name));
    }

    private static <T extends Message> T unpack(String action, Any response, Class<T> type) {
        try {
            return response.unpack(type);
        } catch (InvalidProtocolBufferException malformed) {
            throw new CloudException(ErrorCategory.UNKNOWN, action + " returned a response that is not a "
                    + type.getSimpleName() + ": " + response.getTypeUrl(), false, null, null, malformed);
        }
    }

    private static void sleep(Duration interval, String action) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CloudException(ErrorCategory.DEADLINE, action + " was interrupted while waiting.", true, null,
                    null, interrupted);
        }
    }

    private static Duration min(Duration left, Duration right) {
        return left.compareTo(right) <= 0 ? left : right;
    }
}
