package dev.terrace.desktop.status;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for background work of a view model to show its result. */
public final class Waiting {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private Waiting() {
    }

    /** Polls the condition every 10 ms and fails the test with {@code what} after 30 s. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + LIMIT.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, interrupted);
            }
        }
    }
}
