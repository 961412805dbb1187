package dev.terrace.desktop;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.terrace.desktop.shell.ErrorDialogs;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.session.Workspace;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The console application: builds the window, opens the stack on the sandbox, closes it on exit. */
public final class ConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);
    private static final double WIDTH = 1600;
    private static final double HEIGHT = 1000;

    private Console console;

    @Override
    public void start(Stage stage) {
        ConsoleArguments arguments;
        try {
            arguments = ConsoleArguments.parse(List.copyOf(getParameters().getRaw()));
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            Platform.exit();
            return;
        }
        Application.setUserAgentStylesheet(arguments.dark() ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        console = Console.build(arguments, new BackgroundRunner(4, Platform::runLater));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(console.view(), Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        console.installShortcuts(scene);
        stage.setTitle(Texts.get("app.title"));
        stage.titleProperty().bind(console.main().titleProperty());
        stage.setScene(scene);
        stage.iconifiedProperty().addListener((observable, before, minimised) -> console.setMinimised(minimised));
        ErrorDialogs.install(stage);
        stage.show();
        LOG.info("First window shown {} ms after the JVM started", uptimeMillis());
        console.main().openSandbox(arguments.stackFile());
    }

    @Override
    public void stop() {
        if (console == null) {
            return;
        }
        Workspace open = console.main().model().workspace();
        console.close();
        if (open != null) {
            open.close();
        }
    }

    private static long uptimeMillis() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
