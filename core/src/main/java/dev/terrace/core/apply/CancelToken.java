package dev.terrace.core.apply;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks a running apply to stop: operations in flight finish, nothing new starts, and the
 * remaining resources end as skipped.
 */
public final class CancelToken {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Runnable onCancel = () -> { };

    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            onCancel.run();
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    void onCancel(Runnable action) {
        this.onCancel = action;
        if (cancelled.get()) {
            action.run();
        }
    }
}
