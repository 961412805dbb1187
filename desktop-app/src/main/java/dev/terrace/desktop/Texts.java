package dev.terrace.desktop;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The console's user-visible strings, from its resource bundle, so a translation can be added. */
public final class Texts {

    private static final String BUNDLE = "dev.terrace.desktop.messages";

    private Texts() {
    }

    public static String get(String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle(BUNDLE, Locale.getDefault()).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }

    /** Returns the text of the key, or {@code fallback} when the bundle has none. */
    public static String getOr(String key, String fallback) {
        try {
            return ResourceBundle.getBundle(BUNDLE, Locale.getDefault()).getString(key);
        } catch (MissingResourceException absent) {
            return fallback;
        }
    }
}
