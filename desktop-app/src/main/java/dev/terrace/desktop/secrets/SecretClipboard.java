package dev.terrace.desktop.secrets;

/**
 * The clipboard a copied secret value goes to: the system clipboard in the console, a field in
 * tests. Every method runs on the UI thread.
 */
public interface SecretClipboard {

    /** Replaces the clipboard's content with {@code text}. */
    void put(String text);

    /** Returns the clipboard's text, or null when it has none. */
    String text();

    /** Empties the clipboard. */
    void clear();
}
