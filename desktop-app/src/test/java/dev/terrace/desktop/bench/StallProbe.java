package dev.terrace.desktop.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Watches the UI thread: a heartbeat task posted every 10 ms records how late it runs, and an
 * animation timer records the longest gap between two frame pulses.
 */
final class StallProbe {

    private static final long PERIOD_MILLIS = 10;

    private final ScheduledExecutorService poster = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "stall-probe");
        thread.setDaemon(true);
        return thread;
    });
    /** Heartbeat delays in nanoseconds; written on the UI thread only. */
    private long[] delays = new long[1024];
    private int count;
    private long lastPulse;
    private long maxPulseGap;
    private final AnimationTimer pulses = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (lastPulse != 0) {
                maxPulseGap = Math.max(maxPulseGap, now - lastPulse);
            }
            lastPulse = now;
        }
    };

    private StallProbe() {
    }

    static StallProbe start() throws Exception {
        StallProbe probe = new StallProbe();
        ApplyStallBenchmark.onFx(() -> {
            probe.pulses.start();
            return null;
        });
        probe.poster.scheduleAtFixedRate(probe::post, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return probe;
    }

    private void post() {
        long posted = System.nanoTime();
        Platform.runLater(() -> record(System.nanoTime() - posted));
    }

    private void record(long delay) {
        if (count == delays.length) {
            delays = Arrays.copyOf(delays, count * 2);
        }
        delays[count++] = delay;
    }

    void stop() throws Exception {
        poster.shutdownNow();
        poster.awaitTermination(1, TimeUnit.SECONDS);
        ApplyStallBenchmark.onFx(() -> {
            pulses.stop();
            return null;
        });
    }

    void print(String phase) throws Exception {
        long[] sorted = ApplyStallBenchmark.onFx(() -> Arrays.copyOf(delays, count));
        Arrays.sort(sorted);
        long max = sorted.length == 0 ? 0 : sorted[sorted.length - 1];
        long p99 = sorted.length == 0 ? 0 : sorted[(int) Math.floor(sorted.length * 0.99)];
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", phase, sorted.length, max / 1e6, p99 / 1e6,
                ApplyStallBenchmark.onFx(() -> maxPulseGap) / 1e6);
    }
}
