package dev.terrace.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The command line's own user-facing texts, from its resource bundle. */
final class Texts {

    static final String BUNDLE = "dev.terrace.cli.messages";

    private Texts() {
    }

    static String get(String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle(BUNDLE, Locale.getDefault()).getString(key);
        return new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }
}
