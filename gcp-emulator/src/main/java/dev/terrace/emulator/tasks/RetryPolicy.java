package dev.terrace.emulator.tasks;

import com.google.cloud.tasks.v2.RetryConfig;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import java.time.Duration;
import java.time.Instant;

/**
 * A queue's retry rules for failed task attempts, as the Cloud Tasks v2 reference states them:
 * the wait starts at {@code min_backoff}, doubles {@code max_doublings} times, then grows
 * linearly, and never exceeds {@code max_backoff}.
 */
final class RetryPolicy {

  private RetryPolicy() {
  }

  /** Returns the wait before the next attempt after {@code attempts} failed ones. */
  static Duration backoff(RetryConfig retry, int attempts) {
    Duration min = Duration.ofNanos(Durations.toNanos(retry.getMinBackoff()));
    Duration max = Duration.ofNanos(Durations.toNanos(retry.getMaxBackoff()));
    int doublings = Math.min(attempts - 1, retry.getMaxDoublings());
    Duration wait = min.multipliedBy(1L << Math.min(Math.max(doublings, 0), 30));
    if (attempts - 1 > retry.getMaxDoublings()) {
      wait = wait.plus(min.multipliedBy(1L << Math.min(retry.getMaxDoublings(), 30)).multipliedBy(attempts - 1 - retry.getMaxDoublings()));
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }

  /**
   * Returns whether a failed task gets no more attempts: both the attempt limit ({@code -1} is
   * unlimited) and the retry duration are used up. A zero retry duration sets no age limit, so
   * then the attempt limit alone decides.
   */
  static boolean exhausted(RetryConfig retry, int attempts, Timestamp firstDispatch, Instant now) {
    boolean attemptsUsed = retry.getMaxAttempts() >= 0 && attempts >= retry.getMaxAttempts();
    long maxRetryMillis = Durations.toMillis(retry.getMaxRetryDuration());
    boolean durationUsed = maxRetryMillis <= 0 || now.toEpochMilli() - Timestamps.toMillis(firstDispatch) >= maxRetryMillis;
    return attemptsUsed && durationUsed;
  }
}
