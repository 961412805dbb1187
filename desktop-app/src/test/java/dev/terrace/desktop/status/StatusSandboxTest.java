package dev.terrace.desktop.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.apply.CancelToken;
import dev.terrace.core.apply.ResourceOutcome;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.ResourceStatus.Health;
import dev.terrace.core.stack.Stack;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.desktop.task.UiExecutor;
import dev.terrace.session.Sandbox;
import dev.terrace.session.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status dashboard on the sandbox, through the official clients and the emulator. */
class StatusSandboxTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path stateDir;

    private final Stack stack = Guide.stack();
    private final BackgroundRunner runner = new BackgroundRunner(2, UiExecutor.INLINE);
    private Workspace workspace;
    private StatusViewModel viewModel;

    @AfterEach
    void close() {
        viewModel.close();
        runner.close();
        workspace.close();
    }

    private StatusRow row(ResourceKind kind) {
        Resource resource = stack.all().stream().filter(candidate -> candidate.kind() == kind).findFirst()
                .orElseThrow();
        return viewModel.rows().stream().filter(row -> row.address().equals(resource.address())).findFirst()
                .orElseThrow();
    }

    @Test
    void appliedServiceShowsReadyWithUrl() {
        workspace = new Workspace(stack, Sandbox.start(stack, dataDir), stateDir);
        ConsoleModel model = new ConsoleModel(runner, 0);
        viewModel = new StatusViewModel(model, new ManualTimer(), 0);
        model.setWorkspace(workspace);
        ApplyResult applied = workspace.apply(workspace.plan(address -> true, false, model.eventSink()),
                new CancelToken(), model.eventSink());
        assertThat(applied.withStatus(ResourceOutcome.Status.FAILED)).as("failed resources").isEmpty();

        viewModel.readNow();
        Waiting.until("the status round to end", () -> !viewModel.readingProperty().get());

        StatusRow service = row(ResourceKind.RUN_SERVICE);
        assertThat(service.health()).isEqualTo(Health.READY);
        assertThat(service.url()).startsWith("http://127.0.0.1:");
        assertThat(viewModel.serviceUrlProperty().get()).isEqualTo(service.url());
        assertThat(service.details()).contains("revision ");
        assertThat(service.details()).contains("traffic 100% ");
        assertThat(service.details()).contains("/health/ 200");
        StatusRow scheduler = row(ResourceKind.SCHEDULER_JOB);
        assertThat(scheduler.details()).contains("state ENABLED");
        assertThat(scheduler.details()).contains("next run ");
        assertThat(row(ResourceKind.TASKS_QUEUE).details()).contains("state RUNNING");
        assertThat(row(ResourceKind.SECRET).details()).contains("1 version, 1 enabled, latest 1");
        assertThat(viewModel.rows()).allMatch(row -> row.health() != Health.MISSING, "nothing missing");
    }
}
