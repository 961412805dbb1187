package dev.terrace.desktop.status;

import dev.terrace.desktop.Texts;
import java.time.Duration;
import java.util.Locale;

/** How often the status dashboard reads every resource again; {@link #OFF} reads only on request. */
public enum PollInterval {
    OFF(Duration.ZERO),
    FIVE_SECONDS(Duration.ofSeconds(5)),
    FIFTEEN_SECONDS(Duration.ofSeconds(15)),
    SIXTY_SECONDS(Duration.ofSeconds(60));

    private final Duration period;

    PollInterval(Duration period) {
        this.period = period;
    }

    /** Returns the time between two reads; zero for {@link #OFF}. */
    public Duration period() {
        return period;
    }

    public boolean isOff() {
        return period.isZero();
    }

    @Override
    public String toString() {
        return Texts.get("status.interval." + name().toLowerCase(Locale.ROOT));
    }
}
