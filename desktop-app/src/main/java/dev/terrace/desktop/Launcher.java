package dev.terrace.desktop;

import javafx.application.Application;

/**
 * The console's entry point. On the class path the JVM refuses to start a class that extends
 * {@link Application} directly, so this plain class hands over to {@link ConsoleApp}.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }
}
