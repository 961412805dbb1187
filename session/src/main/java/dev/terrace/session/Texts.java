package dev.terrace.session;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The session's user-visible strings, from its resource bundle. */
final class Texts {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.terrace.session.messages");

    private Texts() {
    }

    static String get(String key, Object... arguments) {
        return new MessageFormat(BUNDLE.getString(key), Locale.ROOT).format(arguments);
    }
}
