package dev.terrace.desktop.status;

import dev.terrace.desktop.task.UiExecutor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A UI executor that plays the FX thread: tasks wait in a queue until the test thread runs them,
 * and each one counts as a UI update.
 */
public final class QueuedUi implements UiExecutor {

    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private int run;

    @Override
    public void execute(Runnable task) {
        queue.add(task);
    }

    /** Runs the queued tasks on the calling thread and returns how many ran. */
    public int runQueued() {
        int count = 0;
        for (Runnable task = queue.poll(); task != null; task = queue.poll()) {
            task.run();
            count++;
        }
        run += count;
        return count;
    }

    /** Returns how many tasks ran so far. */
    public int tasksRun() {
        return run;
    }
}
