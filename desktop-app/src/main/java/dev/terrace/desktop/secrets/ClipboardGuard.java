package dev.terrace.desktop.secrets;

import dev.terrace.core.secret.SecretBytes;
import dev.terrace.desktop.task.PollTimer;
import dev.terrace.desktop.task.UiExecutor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * Copies a secret value to the clipboard and empties the clipboard {@link #TIMEOUT} later, unless
 * something else was copied meanwhile. It keeps only a SHA-256 digest of the copied value, so the
 * value itself stays in no field. Used on the UI thread only.
 */
final class ClipboardGuard {

    /** How long a copied value stays on the clipboard. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final SecretClipboard clipboard;
    private final PollTimer timer;
    private final UiExecutor ui;
    private byte[] copiedDigest;
    private PollTimer.Schedule expiry;

    ClipboardGuard(SecretClipboard clipboard, PollTimer timer, UiExecutor ui) {
        this.clipboard = clipboard;
        this.timer = timer;
        this.ui = ui;
    }

    /** Puts the value on the clipboard and schedules its removal; the caller wipes {@code value}. */
    void copy(char[] value) {
        cancelExpiry();
        clipboard.put(new String(value));
        copiedDigest = digest(value);
        expiry = timer.every(TIMEOUT, () -> ui.execute(this::expire));
    }

    /** Empties the clipboard now if it still contains the copied value. */
    void expire() {
        cancelExpiry();
        if (copiedDigest == null) {
            return;
        }
        String current = clipboard.text();
        if (current != null && MessageDigest.isEqual(copiedDigest, digest(current.toCharArray()))) {
            clipboard.clear();
        }
        copiedDigest = null;
    }

    private void cancelExpiry() {
        if (expiry != null) {
            expiry.cancel();
            expiry = null;
        }
    }

    private static byte[] digest(char[] text) {
        byte[] bytes = SecretBytes.utf8(text);
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", impossible);
        } finally {
            SecretBytes.wipe(bytes);
        }
    }
}
