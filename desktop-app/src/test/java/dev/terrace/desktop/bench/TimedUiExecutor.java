package dev.terrace.desktop.bench;

import dev.terrace.desktop.task.UiExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * The console's UI executor ({@code Platform::runLater}) with a stopwatch: it records how long
 * each task the console posts (event batches, background callbacks) runs on the UI thread.
 */
final class TimedUiExecutor implements UiExecutor {

    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong longestNanos = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();

    @Override
    public void execute(Runnable task) {
        Platform.runLater(() -> {
            long start = System.nanoTime();
            try {
                task.run();
            } finally {
                long took = System.nanoTime() - start;
                count.incrementAndGet();
                totalNanos.addAndGet(took);
                longestNanos.accumulateAndGet(took, Math::max);
            }
        });
    }

    void reset() {
        count.set(0);
        longestNanos.set(0);
        totalNanos.set(0);
    }

    int count() {
        return count.get();
    }

    double longestMillis() {
        return longestNanos.get() / 1e6;
    }

    double totalMillis() {
        return totalNanos.get() / 1e6;
    }
}
