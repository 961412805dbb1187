package dev.terrace.desktop.logs;

import dev.terrace.desktop.Texts;
import java.util.Locale;
import java.util.Map;

/**
 * The lowest severity the logs view shows. The ranks are Cloud Logging's LogSeverity numbers, so
 * that NOTICE counts as above INFO and CRITICAL as above ERROR.
 */
public enum SeverityFilter {
    /** Every entry, also those without a severity. */
    DEFAULT(0),
    INFO(200),
    WARNING(400),
    ERROR(500);

    private static final Map<String, Integer> RANKS = Map.of("DEFAULT", 0, "DEBUG", 100, "INFO", 200,
            "NOTICE", 300, "WARNING", 400, "ERROR", 500, "CRITICAL", 600, "ALERT", 700, "EMERGENCY", 800);

    private final int minimum;

    SeverityFilter(int minimum) {
        this.minimum = minimum;
    }

    /** Returns whether an entry of this severity name passes; an unknown name ranks as DEFAULT. */
    public boolean accepts(String severity) {
        return rank(severity) >= minimum;
    }

    /** Returns the Cloud Logging filter term, such as {@code severity>=WARNING}; empty for DEFAULT. */
    public String filterTerm() {
        return this == DEFAULT ? "" : "severity>=" + name();
    }

    static int rank(String severity) {
        return severity == null ? 0 : RANKS.getOrDefault(severity.toUpperCase(Locale.ROOT), 0);
    }

    @Override
    public String toString() {
        return Texts.get("logs.severity." + name().toLowerCase(Locale.ROOT));
    }
}
