package dev.terrace.gcp.driver;

import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.port.Observed;
import dev.terrace.core.spec.Spec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a driver's calls that fail as API_DISABLED while the API's enablement is still
 * propagating, and only then. Reads, which change nothing, are also retried a few times when
 * they fail as UNAVAILABLE, because a plan's refresh has no retry of its own. Every other
 * failure passes through unchanged.
 */
public final class PropagationRetryingDriver<S extends Spec> implements Driver<S> {

    private static final Logger LOG = LoggerFactory.getLogger(PropagationRetryingDriver.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(200);
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final Driver<S> driver;
    private final String api;
    private final ApiEnablements enablements;

    public PropagationRetryingDriver(Driver<S> driver, String api, ApiEnablements enablements) {
        this.driver = driver;
        this.api = api;
        this.enablements = enablements;
    }

    @Override
    public Optional<Observed<S>> read(S spec) {
        return retry(spec, () -> ReadRetry.call("read " + spec.identity(), () -> driver.read(spec)));
    }

    @Override
    public Observed<S> create(S spec) {
        return retry(spec, () -> driver.create(spec));
    }

    @Override
    public Observed<S> update(S desired, Observed<S> current) {
        return retry(desired, () -> driver.update(desired, current));
    }

    @Override
    public void delete(S spec) {
        retry(spec, () -> {
            driver.delete(spec);
            return null;
        });
    }

    @Override
    public Optional<Observed<S>> resume(String operationName, S spec) {
        return retry(spec, () -> driver.resume(operationName, spec));
    }

    private <T> T retry(S spec, Supplier<T> call) {
        Duration wait = FIRST_WAIT;
        while (true) {
            try {
                return call.get();
            } catch (CloudException failed) {
                Instant until = enablements.retryUntil(api);
                if (failed.category() != ErrorCategory.API_DISABLED || Instant.now().plus(wait).isAfter(until)) {
                    throw failed;
                }
                LOG.info("{} is not yet effective for {}; retrying in {} ms", api, spec.identity(), wait.toMillis());
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CloudException(ErrorCategory.DEADLINE, "Interrupted while waiting for an API to take effect.",
                    true, null, null, interrupted);
        }
    }
}
