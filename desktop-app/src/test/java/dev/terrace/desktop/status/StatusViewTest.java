package dev.terrace.desktop.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.LogEntry;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.core.port.ResourceStatus.Health;
import dev.terrace.core.stack.Stack;
import dev.terrace.desktop.logs.LogsView;
import dev.terrace.desktop.logs.LogsViewModel;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.session.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status and logs views bind to their view models: the URL, the rows and the log lines show. */
@ExtendWith(ApplicationExtension.class)
class StatusViewTest {

    @TempDir
    static Path stateDir;

    private final Stack stack = Guide.stack();
    private final ScriptedGateway gateway = new ScriptedGateway(Guide.freshCloud());
    private BackgroundRunner runner;
    private ConsoleModel model;
    private StatusViewModel status;
    private LogsViewModel logs;

    @Start
    void start(Stage stage) {
        runner = new BackgroundRunner(2, Platform::runLater);
        model = new ConsoleModel(runner, 20);
        status = new StatusViewModel(model, new ManualTimer(), 20);
        logs = new LogsViewModel(model, new ManualTimer());
        stage.setScene(new Scene(new HBox(new StatusView(status), new LogsView(logs)), 1200, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        status.close();
        logs.close();
        runner.close();
    }

    @Test
    void urlRowsAndLogLinesShow(FxRobot robot) {
        Resource web = stack.all().stream().filter(resource -> resource.kind() == ResourceKind.RUN_SERVICE)
                .findFirst().orElseThrow();
        gateway.write(new LogEntry(Instant.now(), "WARNING", "cloud_run_revision",
                Map.of("service_name", "mycoolproject"), "GET /missing 404"));
        robot.interact(() -> {
            model.setWorkspace(new Workspace(stack, gateway, stateDir));
            model.statuses().put(web.address(), new ResourceStatus(Health.READY, "ready",
                    Map.of("uri", "http://127.0.0.1:8123/s/southamerica-east1/mycoolproject")));
        });
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> !logs.loadingProperty().get());

        TextField url = robot.lookup("#service-url").queryAs(TextField.class);
        assertThat(url.getText()).startsWith("http://127.0.0.1:");
        assertThat(url.isEditable()).isFalse();
        TableView<?> table = robot.lookup("#status-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(stack.all().size());
        ListView<?> entries = robot.lookup("#log-entries").queryAs(ListView.class);
        assertThat(entries.getItems()).hasSize(1);
    }

    private static void waitFor(BooleanSupplier condition) {
        Waiting.until("the view to settle", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
