package dev.terrace.desktop.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Collects updates from many threads and hands them to the UI thread in batches, at most once per
 * interval, so that forty resources finishing together cost one layout pass rather than forty.
 */
public final class UpdateBatcher<T> implements AutoCloseable {

    private final UiExecutor ui;
    private final Consumer<List<T>> consumer;
    private final List<T> pending = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private final long intervalMillis;
    private boolean scheduled;

    public UpdateBatcher(UiExecutor ui, long intervalMillis, Consumer<List<T>> consumer) {
        this.ui = ui;
        this.consumer = consumer;
        this.intervalMillis = intervalMillis;
        this.timer = intervalMillis <= 0 ? null : Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "terrace-ui-batch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues an update; with no interval the update is delivered at once. */
    public void offer(T update) {
        synchronized (pending) {
            pending.add(update);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        if (timer == null) {
            flush();
        } else {
            timer.schedule(this::flush, intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Delivers whatever is queued now. */
    public void flush() {
        List<T> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending);
            pending.clear();
            scheduled = false;
        }
        if (!batch.isEmpty()) {
            ui.execute(() -> consumer.accept(batch));
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
