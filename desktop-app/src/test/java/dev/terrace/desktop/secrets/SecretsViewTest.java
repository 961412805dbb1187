package dev.terrace.desktop.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.memory.MemoryGateway;
import dev.terrace.core.port.SecretVersion;
import dev.terrace.core.secret.SecretFixture;
import dev.terrace.core.stack.Stack;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.status.ManualTimer;
import dev.terrace.desktop.status.Waiting;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.session.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The secret editor's controls: typing a value masked, adding it, and disabling the new version. */
@ExtendWith(ApplicationExtension.class)
class SecretsViewTest {

    @TempDir
    static Path stateDir;

    private final MemoryGateway gateway = Guide.freshCloud();
    private final Stack stack = SecretFixture.pinnedStack();
    private BackgroundRunner runner;
    private ConsoleModel model;
    private SecretsViewModel viewModel;

    @Start
    void start(Stage stage) {
        SecretFixture.createSecrets(gateway, stack, List.of());
        runner = new BackgroundRunner(2, Platform::runLater);
        model = new ConsoleModel(runner, 20);
        viewModel = new SecretsViewModel(model, new ManualTimer(), new FakeClipboard());
        stage.setScene(new Scene(new SecretsView(viewModel), 1200, 760));
        stage.show();
    }

    @AfterEach
    void close() {
        viewModel.close();
        runner.close();
        gateway.close();
    }

    @Test
    void addAndDisableVersion(FxRobot robot) {
        robot.interact(() -> model.setWorkspace(new Workspace(stack, gateway, stateDir)));
        waitFor(() -> !viewModel.secrets().isEmpty() && !viewModel.busyProperty().get());
        robot.clickOn("EMAIL_HOST");
        waitFor(() -> viewModel.selectedProperty().get().secretId().equals("EMAIL_HOST"));

        robot.clickOn("#secret-value").write("mail.example.com");

        Label mask = robot.lookup("#secret-value-mask").queryAs(Label.class);
        assertThat(mask.isVisible()).isTrue();
        assertThat(mask.getText()).isEqualTo("16 characters, hidden");

        robot.clickOn("#secret-add");
        TableView<?> versions = robot.lookup("#secret-versions").queryAs(TableView.class);
        waitFor(() -> versions.getItems().size() == 1);

        assertThat(robot.lookup("#secret-value").queryAs(TextArea.class).getText()).isEmpty();
        assertThat(gateway.secretValues().versions("EMAIL_HOST")).extracting(SecretVersion::state)
                .containsExactly("ENABLED");

        Node row = robot.lookup("#secret-versions .table-row-cell").nth(0).query();
        robot.clickOn(row);
        robot.clickOn("#secret-disable");
        waitFor(() -> !viewModel.busyProperty().get()
                && gateway.secretValues().versions("EMAIL_HOST").get(0).state().equals("DISABLED"));

        waitFor(() -> ((SecretVersion) versions.getItems().get(0)).state().equals("DISABLED"));
        assertThat(robot.lookup("#secret-message").queryAs(Label.class).getText())
                .isEqualTo("Version 1 of EMAIL_HOST is now disabled.");
    }

    @Test
    void destroyAsksForTypedName(FxRobot robot) {
        robot.interact(() -> model.setWorkspace(new Workspace(stack, gateway, stateDir)));
        waitFor(() -> !viewModel.secrets().isEmpty() && !viewModel.busyProperty().get());
        robot.interact(() -> viewModel.addVersion("postgres://app:pw@db.example.com/app?sslmode=require".toCharArray()));
        TableView<?> versions = robot.lookup("#secret-versions").queryAs(TableView.class);
        waitFor(() -> versions.getItems().size() == 1 && !viewModel.busyProperty().get());

        robot.clickOn(robot.lookup("#secret-versions .table-row-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#secret-destroy");
        waitFor(() -> !viewModel.busyProperty().get());

        assertThat(robot.lookup("#secret-problem").queryAs(Label.class).getText())
                .contains("pinned by run_job.migrate");
        assertThat(robot.lookup("#secret-destroy-name").tryQuery()).isEmpty();

        robot.clickOn("#secret-force");
        robot.clickOn("#secret-destroy");
        waitFor(() -> robot.lookup("#secret-destroy-name").tryQuery().isPresent());
        robot.clickOn("#secret-destroy-name").write("DATABASE_URL");
        robot.clickOn("OK");
        waitFor(() -> !viewModel.busyProperty().get()
                && gateway.secretValues().versions("DATABASE_URL").get(0).state().equals("DESTROYED"));

        assertThat(robot.lookup("#secret-problem").queryAs(Label.class).getText()).isEmpty();
    }

    private static void waitFor(BooleanSupplier condition) {
        Waiting.until("the secret editor to settle", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
