package dev.terrace.desktop.logs;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Puts copied lines on the system clipboard, for the logs view and the status dashboard. */
public final class ClipboardText {

    private ClipboardText() {
    }

    /** Replaces the clipboard's content with {@code text}; empty or null text leaves it unchanged. */
    public static void put(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
