package dev.terrace.desktop.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.apply.CancelToken;
import dev.terrace.core.apply.ResourceOutcome;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.JobExecution;
import dev.terrace.core.port.LogEntry;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.core.spec.RunJobSpec;
import dev.terrace.core.spec.RunServiceSpec;
import dev.terrace.core.stack.Stack;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.status.ManualTimer;
import dev.terrace.desktop.status.Waiting;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.desktop.task.UiExecutor;
import dev.terrace.session.HealthCheck;
import dev.terrace.session.Sandbox;
import dev.terrace.session.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logs view on the sandbox: Cloud Logging entries that the emulated Cloud Run wrote. */
class LogsSandboxTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path stateDir;

    private final Stack stack = Guide.stack();
    private final BackgroundRunner runner = new BackgroundRunner(2, UiExecutor.INLINE);
    private Workspace workspace;
    private LogsViewModel viewModel;

    @AfterEach
    void close() {
        viewModel.close();
        runner.close();
        workspace.close();
    }

    private LogScope scope(String label) {
        return viewModel.scopes().stream().filter(scope -> scope.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no scope " + label + " in " + viewModel.scopes()));
    }

    private void choose(LogScope scope) {
        viewModel.scopeProperty().set(scope);
        Waiting.until("the log read to end", () -> !viewModel.loadingProperty().get());
    }

    private List<String> texts() {
        return viewModel.visibleEntries().stream().map(LogEntry::text).toList();
    }

    @Test
    void serviceRequestsAndJobRunsAppear() {
        workspace = new Workspace(stack, Sandbox.start(stack, dataDir), stateDir);
        ConsoleModel model = new ConsoleModel(runner, 0);
        viewModel = new LogsViewModel(model, new ManualTimer());
        model.setWorkspace(workspace);
        ApplyResult applied = workspace.apply(workspace.plan(address -> true, false, null), new CancelToken(), null);
        assertThat(applied.withStatus(ResourceOutcome.Status.FAILED)).as("failed resources").isEmpty();
        Resource web = stack.all().stream().filter(resource -> resource.kind() == ResourceKind.RUN_SERVICE)
                .findFirst().orElseThrow();
        ResourceStatus status = workspace.status(web);
        assertThat(HealthCheck.check(status.details().get("uri") + "/health/")).startsWith("200");
        List<JobExecution> executions = workspace.runDeployJobs(address -> { }, execution -> { });
        assertThat(executions).allMatch(JobExecution::succeeded, "deploy jobs succeeded");

        choose(scope("Service " + ((RunServiceSpec) web.spec()).name()));

        assertThat(texts()).anyMatch(text -> text.startsWith("GET ") && text.contains("/health/ 200"));
        assertThat(viewModel.visibleEntries()).allMatch(entry -> entry.resource().equals("cloud_run_revision"));

        viewModel.severityProperty().set(SeverityFilter.ERROR);
        Waiting.until("the log read to end", () -> !viewModel.loadingProperty().get());
        assertThat(texts()).as("entries at ERROR and above").noneMatch(text -> text.contains("/health/ 200"));

        viewModel.severityProperty().set(SeverityFilter.DEFAULT);
        RunJobSpec migrate = (RunJobSpec) workspace.deployJobs().get(0).spec();
        choose(scope("Job " + migrate.name()));
        assertThat(viewModel.visibleEntries()).as("entries of the %s job", migrate.name()).isNotEmpty();
        assertThat(viewModel.visibleEntries()).allMatch(entry -> migrate.name().equals(entry.labels().get("job_name")));
    }
}
