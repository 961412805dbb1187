package dev.terrace.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The emulator's notion of now. It runs {@code acceleration} times faster than real time, never
 * goes backwards across a restart (it resumes from the snapshot's time when that is later), and
 * tests can move it forward with {@link #advance(Duration)} instead of sleeping.
 */
public final class EmulatorClock extends Clock {
  private final double acceleration;
  private final long startNanos = System.nanoTime();
  private volatile Instant base;
  private volatile Duration offset = Duration.ZERO;

  EmulatorClock(double acceleration) {
    this.acceleration = acceleration;
    this.base = Instant.now();
  }

  @Override
  public Instant instant() {
    long realElapsed = System.nanoTime() - startNanos;
    long emulatedElapsed = (long) (realElapsed * acceleration);
    return base.plusNanos(emulatedElapsed).plus(offset);
  }

  /** Moves the clock forward, so delays and windows pass at once. */
  public void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward, got " + amount);
    }
    synchronized (this) {
      offset = offset.plus(amount);
    }
  }

  /** Converts an emulated duration into the real time it takes at this clock's speed. */
  public Duration realDuration(Duration emulated) {
    return Duration.ofNanos((long) (emulated.toNanos() / acceleration));
  }

  /** Keeps time monotonic across a restart: resumes from {@code saved} when it is later than now. */
  synchronized void resumeFrom(Instant saved) {
    Instant now = instant();
    if (saved.isAfter(now)) {
      offset = offset.plus(Duration.between(now, saved));
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the emulator clock is always UTC");
  }
}
