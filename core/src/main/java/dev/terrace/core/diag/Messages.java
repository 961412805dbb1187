package dev.terrace.core.diag;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The catalogue of user-facing texts of the engine, read from the {@code messages} resource bundle
 * so that a translation can be added beside it.
 */
public final class Messages {

    private static final String BUNDLE = "dev.terrace.core.messages";

    private Messages() {
    }

    /** Formats the text under {@code key} with {@link MessageFormat} and the given arguments. */
    public static String get(String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException missing) {
            throw new IllegalStateException("No message under key " + key + " in " + BUNDLE, missing);
        }
        return new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }

    /** Builds a diagnostic from the {@code KEY.summary}, {@code KEY.detail} and {@code KEY.fix} texts. */
    public static DiagnosticBuilder diagnostic(Severity severity, String key, Object... arguments) {
        return new DiagnosticBuilder(severity, get(key + ".summary", arguments),
                get(key + ".detail", arguments), get(key + ".fix", arguments));
    }
}
