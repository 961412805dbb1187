package dev.terrace.desktop.task;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PollTimer} on one daemon thread. Ticks should only hand work on, because a slow tick
 * delays every other schedule of the timer.
 */
public final class ScheduledPollTimer implements PollTimer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPollTimer.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "terrace-poll-timer");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public Schedule every(Duration period, Runnable tick) {
        long millis = period.toMillis();
        ScheduledFuture<?> future = timer.scheduleAtFixedRate(() -> {
            try {
                tick.run();
            } catch (RuntimeException failed) {
                // An escaped exception would cancel the schedule for good, so log it and keep going.
                LOG.warn("A poll tick failed", failed);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
