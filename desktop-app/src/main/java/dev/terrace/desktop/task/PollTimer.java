package dev.terrace.desktop.task;

import java.time.Duration;

/**
 * Runs a task again and again at a fixed period, such as the status dashboard's reads. The console
 * uses {@link ScheduledPollTimer}; view-model tests pass a timer they tick by hand.
 */
@FunctionalInterface
public interface PollTimer {

    /**
     * Runs {@code tick} every {@code period}, the first time one period from now, until the
     * returned schedule is cancelled. The tick runs on the timer's thread, not the UI thread.
     */
    Schedule every(Duration period, Runnable tick);

    /** One repeating task of a timer. */
    @FunctionalInterface
    interface Schedule {

        /** Stops further ticks; a tick that is running finishes. */
        void cancel();
    }
}
