package dev.terrace.emulator.fault;

import io.grpc.Status;
import java.time.Duration;

/**
 * The fault rules' decision for one call: a delay to add, and the error to return instead of
 * serving the call, if any.
 *
 * @param delay latency to add before the call proceeds or fails
 * @param code error status, or {@code null} to serve the call
 * @param message error message when {@code code} is set
 * @param quotaRetryDelay set when the error is a quota error
 */
public record FaultOutcome(Duration delay, Status.Code code, String message, Duration quotaRetryDelay) {
  static final FaultOutcome NONE = new FaultOutcome(Duration.ZERO, null, null, null);

  public boolean fails() {
    return code != null;
  }

  public boolean isQuota() {
    return quotaRetryDelay != null;
  }
}
