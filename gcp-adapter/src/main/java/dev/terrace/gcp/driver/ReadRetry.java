package dev.terrace.gcp.driver;

import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retries a call that changes nothing when it fails as UNAVAILABLE, a bounded number of times. */
public final class ReadRetry {

    /** Attempts in all; with the waits below a read gives up after about 3 s. */
    static final int ATTEMPTS = 5;
    private static final Duration FIRST_WAIT = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(ReadRetry.class);

    private ReadRetry() {
    }

    public static <T> T call(String action, Supplier<T> read) {
        Duration wait = FIRST_WAIT;
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (CloudException failed) {
                if (failed.category() != ErrorCategory.UNAVAILABLE || attempt >= ATTEMPTS) {
                    throw failed;
                }
                Duration delay = failed.retryDelay().orElse(wait);
                LOG.info("{} failed as UNAVAILABLE (attempt {} of {}); retrying in {} ms", action, attempt, ATTEMPTS,
                        delay.toMillis());
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failed;
                }
                wait = wait.multipliedBy(2);
            }
        }
    }
}
