package dev.terrace.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds and reads the guide's example stack file from any module's working directory. */
public final class GuideExample {

    private GuideExample() {
    }

    public static Path path() {
        Path here = Path.of("").toAbsolutePath();
        for (Path folder = here; folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve("examples/guide/terrace.yaml");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/guide/terrace.yaml not found above " + here);
    }

    public static String text() {
        try {
            return Files.readString(path(), StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new IllegalStateException("Cannot read the guide example", failed);
        }
    }
}
