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

    public static void main(String[] args) {
        // The log file goes under the state folder, as the command line's does; set before logback starts.
        if (System.getProperty("terrace.log.dir") == null) {
            System.setProperty("terrace.log.dir", Directories.fromEnvironment().state().resolve("logs").toString());
        }
        Application.launch(ConsoleApp.class, args);
    }
}
