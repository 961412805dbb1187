package dev.terrace.desktop.connect;

import dev.terrace.desktop.Texts;
import java.util.Locale;

/** The plain-words explanation, with its fix, of each way connecting can fail. */
final class ConnectTexts {

    private ConnectTexts() {
    }

    /** Returns the explanation of a failure; {@code impersonate} names the account, or is blank. */
    static String failure(ConnectFailure failure, String impersonate) {
        return Texts.get("connect.failure." + failure.kind().name().toLowerCase(Locale.ROOT), impersonate);
    }
}
