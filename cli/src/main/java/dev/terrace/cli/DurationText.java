package dev.terrace.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written as {@code 200ms}, {@code 2s} or {@code 1m}. */
final class DurationText {

    private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m)");

    private DurationText() {
    }

    static Duration parse(String text, String option) {
        Matcher matcher = FORM.matcher(text.trim());
        if (!matcher.matches()) {
            throw new UserError(Texts.get("error.duration", text, option));
        }
        long amount = Long.parseLong(matcher.group(1));
        switch (matcher.group(2)) {
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            default:
                return Duration.ofMinutes(amount);
        }
    }
}
