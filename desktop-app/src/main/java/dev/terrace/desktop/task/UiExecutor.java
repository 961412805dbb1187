package dev.terrace.desktop.task;

import java.util.concurrent.Executor;

/** Runs a task on the UI thread: {@code Platform::runLater} in the console, inline in tests. */
@FunctionalInterface
public interface UiExecutor extends Executor {

    /** The executor of view-model tests, which have no UI thread. */
    UiExecutor INLINE = Runnable::run;
}
