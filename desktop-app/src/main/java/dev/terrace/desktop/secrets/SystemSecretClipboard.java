package dev.terrace.desktop.secrets;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The system clipboard, through JavaFX; call it on the FX thread only. */
final class SystemSecretClipboard implements SecretClipboard {

    @Override
    public void put(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @Override
    public String text() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        return clipboard.hasString() ? clipboard.getString() : null;
    }

    @Override
    public void clear() {
        Clipboard.getSystemClipboard().clear();
    }
}
