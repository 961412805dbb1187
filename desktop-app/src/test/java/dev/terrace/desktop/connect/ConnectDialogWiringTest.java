package dev.terrace.desktop.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.desktop.Console;
import dev.terrace.desktop.ConsoleArguments;
import dev.terrace.desktop.task.BackgroundRunner;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Connect button in the real console's tool bar opens the dialog. No stack is opened, so the
 * dialog only detects credentials from files and never connects.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectDialogWiringTest {

    @TempDir
    static Path folder;

    private Console console;

    @Start
    void start(Stage stage) {
        Path stack = Path.of("..", "examples", "guide", "terrace.yaml").toAbsolutePath().normalize();
        console = Console.build(new ConsoleArguments(stack, folder.resolve("state"), folder.resolve("sandbox"), false),
                new BackgroundRunner(2, Platform::runLater));
        stage.setScene(new Scene(console.view(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void connectButtonOpensDialog(FxRobot robot) throws Exception {
        robot.clickOn("#connect-open-button");
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> !robot.lookup("#credentials-kind").queryAs(Label.class).getText().isEmpty());

        assertThat(robot.lookup("#connect-dialog").tryQuery()).isPresent();
        assertThat(robot.lookup("#credentials-file").queryAs(Label.class).getText()).isNotEmpty();
        assertThat(robot.lookup("#project-error").queryAs(Label.class).getText()).contains("project id");
        assertThat(robot.lookup("#connect-button").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("#close-connect-button");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#connect-dialog").tryQuery()).isEmpty();
    }
}
