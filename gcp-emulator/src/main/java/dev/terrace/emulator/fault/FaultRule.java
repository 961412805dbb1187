package dev.terrace.emulator.fault;

import io.grpc.Status;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One fault to inject into the calls whose method matches {@link #target()}: extra latency, an
 * error at some rate, for a limited number of calls or for ever. Build one with {@link #on(String)}.
 *
 * <p>A target is a glob ({@code *} any run of characters, {@code ?} one character) over a gRPC
 * method's full name, such as {@code google.cloud.secretmanager.v1.SecretManagerService/CreateSecret}
 * or {@code google.cloud.run.v2.*}, or over a Cloud Storage JSON API method id such as
 * {@code storage.buckets.insert} or {@code storage.objects.*}.
 *
 * @param target glob over method names
 * @param code status to fail with, or {@code null} for latency only
 * @param rate chance in [0, 1] that a matching call fails
 * @param times how many matching calls this rule may fail before it is spent; 0 means no limit
 * @param latencyMin smallest added latency
 * @param latencyMax largest added latency (equal to the minimum for a fixed latency)
 * @param quotaRetryDelay when set, the failure is a quota error (RESOURCE_EXHAUSTED with
 *     QuotaFailure and a RetryInfo carrying this delay)
 * @param message error message, or {@code null} for a default one
 */
public record FaultRule(
    String target,
    Status.Code code,
    double rate,
    int times,
    Duration latencyMin,
    Duration latencyMax,
    Duration quotaRetryDelay,
    String message) {

  public FaultRule {
    Objects.requireNonNull(target, "target");
    if (rate < 0 || rate > 1) {
      throw new IllegalArgumentException("rate must be within 0..1, got " + rate);
    }
    if (times < 0) {
      throw new IllegalArgumentException("times must be zero (no limit) or positive, got " + times);
    }
    latencyMin = latencyMin == null ? Duration.ZERO : latencyMin;
    latencyMax = latencyMax == null ? latencyMin : latencyMax;
    if (latencyMin.isNegative() || latencyMax.compareTo(latencyMin) < 0) {
      throw new IllegalArgumentException(
          "latency must satisfy 0 <= min <= max, got " + latencyMin + ".." + latencyMax);
    }
    if (quotaRetryDelay != null) {
      code = Status.Code.RESOURCE_EXHAUSTED;
    }
    if (code == Status.Code.OK) {
      throw new IllegalArgumentException("code OK is invalid for a fault; leave the code unset for a latency-only rule");
    }
  }

  /** Starts a rule for the methods the glob matches. */
  public static Builder on(String target) {
    return new Builder(target);
  }

  /** Returns whether the glob matches the method name. */
  public boolean matches(String method) {
    return globToPattern(target).matcher(method).matches();
  }

  boolean fails() {
    return code != null;
  }

  static Pattern globToPattern(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  /** Mutable builder of a {@link FaultRule}; by default a rule fails every matching call. */
  public static final class Builder {
    private final String target;
    private Status.Code code;
    private double rate = 1.0;
    private int times;
    private Duration latencyMin;
    private Duration latencyMax;
    private Duration quotaRetryDelay;
    private String message;

    private Builder(String target) {
      this.target = target;
    }

    /** Fails matching calls with this status. */
    public Builder status(Status.Code value) {
      this.code = value;
      return this;
    }

    /** Fails only this share of matching calls, drawn from the emulator's seeded random. */
    public Builder rate(double value) {
      this.rate = value;
      return this;
    }

    /** Fails only the next {@code count} matching calls. */
    public Builder times(int count) {
      this.times = count;
      return this;
    }

    public Builder latency(Duration fixed) {
      this.latencyMin = fixed;
      this.latencyMax = fixed;
      return this;
    }

    /** Adds a latency drawn uniformly from min to max. */
    public Builder latency(Duration min, Duration max) {
      this.latencyMin = min;
      this.latencyMax = max;
      return this;
    }

    /** Fails with a quota error whose RetryInfo requests that the client wait {@code retryDelay}. */
    public Builder quotaExceeded(Duration retryDelay) {
      this.quotaRetryDelay = retryDelay;
      return this;
    }

    public Builder message(String value) {
      this.message = value;
      return this;
    }

    public FaultRule build() {
      return new FaultRule(target, code, rate, times, latencyMin, latencyMax, quotaRetryDelay, message);
    }
  }
}
