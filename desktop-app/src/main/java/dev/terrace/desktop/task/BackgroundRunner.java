package dev.terrace.desktop.task;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs blocking work off the UI thread on a bounded pool and delivers the result, or the failure,
 * through the UI executor. It knows nothing of JavaFX: the console passes {@code Platform::runLater}
 * and view-model tests pass {@code Runnable::run}.
 */
public final class BackgroundRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundRunner.class);

    private final ExecutorService pool;
    private final UiExecutor ui;

    public BackgroundRunner(int threads, UiExecutor ui) {
        this.pool = Executors.newFixedThreadPool(threads, daemonThreads());
        this.ui = ui;
    }

    public UiExecutor ui() {
        return ui;
    }

    /** Runs {@code work} in the background; exactly one of the callbacks runs on the UI thread. */
    public <T> Future<?> run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (pool.isShutdown()) {
            // The window is closing: late work from a timer or a listener is dropped, not an error.
            LOG.debug("Dropped background work '{}' after close", name);
            return CompletableFuture.completedFuture(null);
        }
        try {
            return submit(name, work, onSuccess, onFailure);
        } catch (RejectedExecutionException closing) {
            LOG.debug("Dropped background work '{}' while closing", name);
            return CompletableFuture.completedFuture(null);
        }
    }

    private <T> Future<?> submit(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return pool.submit(() -> {
            try {
                T result = work.call();
                ui.execute(() -> onSuccess.accept(result));
            } catch (Exception | Error failed) {
                LOG.debug("Background work '{}' failed", name, failed);
                ui.execute(() -> onFailure.accept(failed));
            }
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "terrace-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
