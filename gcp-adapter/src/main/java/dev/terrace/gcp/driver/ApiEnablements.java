package dev.terrace.gcp.driver;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time at which this gateway enabled each API. Google takes minutes to propagate an
 * enablement, and calls in that time fail as if the API were still disabled. Only such calls are
 * retried, and only inside a bounded window, so that a truly disabled API still fails at once.
 */
public final class ApiEnablements {

    private final Duration window;
    private final Map<String, Instant> enabledAt = new ConcurrentHashMap<>();

    public ApiEnablements(Duration window) {
        this.window = window;
    }

    void enabled(String api) {
        enabledAt.put(api, Instant.now());
    }

    /** Returns until when a call to the API that fails as disabled should be retried, if at all. */
    public Instant retryUntil(String api) {
        Instant at = enabledAt.get(api);
        return at == null ? Instant.MIN : at.plus(window);
    }
}
