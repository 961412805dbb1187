package dev.terrace.emulator.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps due at an emulated time, such as a rollout finishing. A step runs once the emulator clock
 * reaches its time, so both the clock's acceleration and {@code EmulatorClock.advance} shorten
 * the wait.
 */
final class DelayedSteps implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DelayedSteps.class);
  // How often, in real time, the queue is checked for due steps.
  private static final long TICK_MILLIS = 10;

  private record Step(Instant due, long sequence, Runnable action) {
  }

  private final Clock clock;
  private final ScheduledExecutorService timer;
  private final AtomicLong sequence = new AtomicLong();
  private final PriorityQueue<Step> steps = new PriorityQueue<>(Comparator.comparing(Step::due).thenComparingLong(Step::sequence));
  private ScheduledFuture<?> ticks;

  DelayedSteps(Clock clock, ScheduledExecutorService timer) {
    this.clock = clock;
    this.timer = timer;
  }

  void start() {
    ticks = timer.scheduleWithFixedDelay(this::runDue, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Queues the step to run once {@code delay} of emulated time has passed. */
  synchronized void add(Duration delay, Runnable action) {
    steps.add(new Step(clock.instant().plus(delay), sequence.incrementAndGet(), action));
  }

  @Override
  public void close() {
    if (ticks != null) {
      ticks.cancel(false);
    }
  }

  private void runDue() {
    Instant now = clock.instant();
    while (true) {
      Step next;
      synchronized (this) {
        next = steps.peek();
        if (next == null || next.due().isAfter(now)) {
          return;
        }
        steps.poll();
      }
      try {
        next.action().run();
      } catch (RuntimeException e) {
        LOG.error("Cloud Run background step failed", e);
      }
    }
  }
}
