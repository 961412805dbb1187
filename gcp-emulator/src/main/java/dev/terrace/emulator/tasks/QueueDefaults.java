package dev.terrace.emulator.tasks;

import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.RateLimits;
import com.google.cloud.tasks.v2.RetryConfig;
import com.google.protobuf.Duration;

/**
 * The values Cloud Tasks fills in for queue fields the request leaves unset.
 *
 * <p>Source: the Cloud Tasks v2 reference for {@code RateLimits} and {@code RetryConfig}
 * (500 dispatches per second, burst 100, 1000 concurrent; 100 attempts, backoff 0.1 s to
 * 3600 s, 16 doublings, no retry duration limit).
 */
final class QueueDefaults {

  private QueueDefaults() {
  }

  static Queue apply(Queue queue) {
    Queue.Builder builder = queue.toBuilder();
    builder.setRateLimits(rateLimits(queue.getRateLimits()));
    builder.setRetryConfig(retryConfig(queue.getRetryConfig()));
    return builder.build();
  }

  private static RateLimits rateLimits(RateLimits requested) {
    RateLimits.Builder builder = requested.toBuilder();
    if (requested.getMaxDispatchesPerSecond() == 0) {
      builder.setMaxDispatchesPerSecond(500);
    }
    if (requested.getMaxConcurrentDispatches() == 0) {
      builder.setMaxConcurrentDispatches(1000);
    }
    // The burst size is output only: Cloud Tasks derives it from the dispatch rate.
    builder.setMaxBurstSize(100);
    return builder.build();
  }

  private static RetryConfig retryConfig(RetryConfig requested) {
    RetryConfig.Builder builder = requested.toBuilder();
    if (requested.getMaxAttempts() == 0) {
      builder.setMaxAttempts(100);
    }
    if (!requested.hasMinBackoff()) {
      builder.setMinBackoff(Duration.newBuilder().setNanos(100_000_000));
    }
    if (!requested.hasMaxBackoff()) {
      builder.setMaxBackoff(Duration.newBuilder().setSeconds(3600));
    }
    if (requested.getMaxDoublings() == 0) {
      builder.setMaxDoublings(16);
    }
    return builder.build();
  }
}
