package dev.terrace.core.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * The folders of Terrace's files, after the XDG base directory convention: config under
 * {@code $XDG_CONFIG_HOME/terrace}, state and logs under {@code $XDG_STATE_HOME/terrace}, sandbox
 * data under {@code $XDG_DATA_HOME/terrace/sandbox}, each defaulting under the home folder.
 */
public record Directories(Path config, Path state, Path data) {

    public static Directories fromEnvironment() {
        return from(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Directories from(Map<String, String> environment, Path home) {
        return new Directories(
                base(environment, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("terrace"),
                base(environment, "XDG_STATE_HOME", home.resolve(".local/state")).resolve("terrace"),
                base(environment, "XDG_DATA_HOME", home.resolve(".local/share")).resolve("terrace"));
    }

    /** Returns the variable's folder, ignoring it, as the XDG convention requires, when it is unset, empty or not absolute. */
    private static Path base(Map<String, String> environment, String variable, Path fallback) {
        String value = environment.get(variable);
        if (value == null || value.isBlank() || !Path.of(value).isAbsolute()) {
            return fallback;
        }
        return Path.of(value);
    }

    public Path sandbox() {
        return data.resolve("sandbox");
    }

    public Directories withState(Path newState) {
        return new Directories(config, newState, data);
    }
}
