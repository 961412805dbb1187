package dev.terrace.desktop;

import dev.terrace.core.engine.Directories;
import javafx.application.Application;

/**
 * The console's entry point. On the class path the JVM refuses to start a class that extends
 * {@link Application} directly, so this plain class hands over to {@link ConsoleApp}.
 */
public final class Launcher {

    private Launcher() {
    }

    /** Returns the folder {@code --state-dir} names, or the user's state folder. */
    private static java.nio.file.Path stateFolder(String[] args) {
        for (int index = 0; index + 1 < args.length; index++) {
            if ("--state-dir".equals(args[index])) {
                return java.nio.file.Path.of(args[index + 1]);
            }
        }
        return Directories.fromEnvironment().state();
    }

    /** Returns false on Linux with neither an X nor a Wayland display, where JavaFX fails with a trace. */
    private static boolean hasDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        boolean headlessGlass = "Monocle".equals(System.getProperty("glass.platform"));
        return !linux || headlessGlass || System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    public static void main(String[] args) {
        // The log file goes under the state folder, as the command line's does; set before logback starts.
        if (System.getProperty("terrace.log.dir") == null) {
            System.setProperty("terrace.log.dir", stateFolder(args).resolve("logs").toString());
        }
        if (!hasDisplay()) {
            System.err.println(Texts.get("error.no_display"));
            System.exit(1);
        }
        Application.launch(ConsoleApp.class, args);
    }
}
