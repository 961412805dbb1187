package dev.terrace.cli;

import dev.terrace.core.secret.SecretBytes;
import dev.terrace.core.secret.SecretEditor;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a secret value as bytes from a file, a terminal or standard input. Every buffer it
 * outgrows is wiped, and the caller wipes the array it returns.
 */
final class SecretInput {

    private static final int CHUNK = 8192;

    /** The maximum bytes read: the limit plus a trailing CR LF, which may be trimmed off. */
    private static final int MAX_READ = SecretEditor.MAX_VALUE_BYTES + 2;

    private SecretInput() {
    }

    static byte[] fromFile(Path file, boolean keepNewline) {
        try {
            long size = Files.size(file);
            if (size > MAX_READ) {
                throw new UserError(Texts.get("secrets.file_too_large", file, size, SecretEditor.MAX_VALUE_BYTES));
            }
            return trimmed(Files.readAllBytes(file), keepNewline);
        } catch (NoSuchFileException missing) {
            throw new UserError(Texts.get("secrets.file_missing", file));
        } catch (IOException unreadable) {
            throw new UserError(Texts.get("secrets.file_unreadable", file, unreadable.getClass().getSimpleName()));
        }
    }

    /** Reads one hidden line from the terminal; the line break is never part of it. */
    static byte[] fromConsole(Console console, String secretId) {
        char[] typed = console.readPassword(Texts.get("secrets.prompt_value", secretId));
        if (typed == null) {
            return new byte[0];
        }
        try {
            return SecretBytes.utf8(typed);
        } finally {
            SecretBytes.wipe(typed);
        }
    }

    static byte[] fromStream(InputStream in, boolean keepNewline) {
        byte[] buffer = new byte[CHUNK];
        int length = 0;
        try {
            int read;
            while ((read = in.read(buffer, length, buffer.length - length)) >= 0) {
                length += read;
                if (length > MAX_READ) {
                    SecretBytes.wipe(buffer);
                    throw new UserError(Texts.get("secrets.stdin_too_large", SecretEditor.MAX_VALUE_BYTES));
                }
                if (length == buffer.length) {
                    byte[] larger = Arrays.copyOf(buffer, buffer.length * 2);
                    SecretBytes.wipe(buffer);
                    buffer = larger;
                }
            }
        } catch (IOException unreadable) {
            SecretBytes.wipe(buffer);
            throw new UserError(Texts.get("secrets.stdin_unreadable", unreadable.getClass().getSimpleName()));
        }
        byte[] value = Arrays.copyOf(buffer, length);
        SecretBytes.wipe(buffer);
        return trimmed(value, keepNewline);
    }

    /** Drops one trailing line break ({@code \n} or {@code \r\n}), which echo and editors add, unless kept. */
    private static byte[] trimmed(byte[] value, boolean keepNewline) {
        int length = value.length;
        if (!keepNewline && length > 0 && value[length - 1] == '\n') {
            length--;
            if (length > 0 && value[length - 1] == '\r') {
                length--;
            }
        }
        if (length == value.length) {
            return value;
        }
        byte[] copy = Arrays.copyOf(value, length);
        SecretBytes.wipe(value);
        return copy;
    }
}
