package dev.terrace.desktop;

import dev.terrace.core.engine.Directories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The console's command-line options: {@code --stack FILE}, {@code --state-dir DIR},
 * {@code --sandbox-dir DIR} and {@code --dark}. Without {@code --stack} it opens
 * {@code terrace.yaml} in the working folder, or else the guide's example stack.
 */
public record ConsoleArguments(Path stackFile, Path stateRoot, Path sandboxRoot, boolean dark) {

    /** The guide example, relative to the project folder the launcher passes as {@code terrace.home}. */
    static final String GUIDE_STACK = "examples/guide/terrace.yaml";

    public static ConsoleArguments parse(List<String> args) {
        Directories directories = Directories.fromEnvironment();
        Path stack = null;
        Path state = directories.state();
        Path sandbox = directories.sandbox();
        boolean dark = false;
        for (int index = 0; index < args.size(); index++) {
            String arg = args.get(index);
            switch (arg) {
                case "--stack":
                    stack = Path.of(value(args, ++index, arg));
                    break;
                case "--state-dir":
                    state = Path.of(value(args, ++index, arg));
                    break;
                case "--sandbox-dir":
                    sandbox = Path.of(value(args, ++index, arg));
                    break;
                case "--dark":
                    dark = true;
                    break;
                default:
                    throw new IllegalArgumentException(Texts.get("error.unknown_option", arg));
            }
        }
        return new ConsoleArguments(stack == null ? defaultStack() : stack, state, sandbox, dark);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(Texts.get("error.option_needs_value", option));
        }
        return args.get(index);
    }

    private static Path defaultStack() {
        Path local = Path.of("terrace.yaml");
        if (Files.isRegularFile(local)) {
            return local;
        }
        String home = System.getProperty("terrace.home", ".");
        return Path.of(home).resolve(GUIDE_STACK);
    }
}
