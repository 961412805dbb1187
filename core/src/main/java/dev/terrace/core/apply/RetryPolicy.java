package dev.terrace.core.apply;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, bounded by a time budget per resource.
 *
 * @param initialDelay the base delay before the second attempt
 * @param maxDelay the cap on any one delay the policy picks itself
 * @param budget how long one resource may keep retrying, counted from its first attempt
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, Duration budget) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10));
    }

    /**
     * Returns the delay before attempt {@code attempt + 1}: a random point in the upper half of
     * the exponential step, so that many resources failing together do not retry together, and
     * never less than what the server asked for.
     */
    public Duration delayAfter(int attempt, Duration serverDelay) {
        long base = initialDelay.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(Math.max(base, 1), maxDelay.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        Duration chosen = Duration.ofMillis(jittered);
        return serverDelay != null && serverDelay.compareTo(chosen) > 0 ? serverDelay : chosen;
    }
}
