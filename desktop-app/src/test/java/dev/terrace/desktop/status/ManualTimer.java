package dev.terrace.desktop.status;

import dev.terrace.desktop.task.PollTimer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A poll timer that ticks only when the test calls {@link #tick()}. */
public final class ManualTimer implements PollTimer {

    private final List<Scheduled> active = new ArrayList<>();

    @Override
    public synchronized Schedule every(Duration period, Runnable tick) {
        Scheduled scheduled = new Scheduled(period, tick);
        active.add(scheduled);
        return () -> {
            synchronized (this) {
                active.remove(scheduled);
            }
        };
    }

    /** Runs every active schedule once, as if its period had passed. */
    public void tick() {
        List<Scheduled> due;
        synchronized (this) {
            due = new ArrayList<>(active);
        }
        due.forEach(scheduled -> scheduled.tick().run());
    }

    /** Returns the periods of the schedules that are active now. */
    public synchronized List<Duration> periods() {
        return active.stream().map(Scheduled::period).toList();
    }

    private record Scheduled(Duration period, Runnable tick) {
    }
}
