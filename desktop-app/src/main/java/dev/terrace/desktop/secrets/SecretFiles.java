package dev.terrace.desktop.secrets;

import dev.terrace.desktop.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the files a value or a .env import comes from. */
final class SecretFiles {

    private SecretFiles() {
    }

    /** Reads a whole file; the caller wipes the result. A failure names the file and the cause, never its content. */
    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException failed) {
            throw new UnreadableFileException(Texts.get("secrets.file_failed", file, failed.getClass().getSimpleName()));
        }
    }

    /** A file to read a value or a .env from could not be read. */
    static final class UnreadableFileException extends RuntimeException {

        UnreadableFileException(String message) {
            super(message);
        }
    }
}
