package dev.terrace.desktop.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.apply.ResourceOutcome;
import dev.terrace.core.event.EngineEvent;
import dev.terrace.core.model.Address;
import dev.terrace.core.plan.Action;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.port.LogEntry;
import dev.terrace.core.port.LogQuery;
import dev.terrace.core.stack.Stack;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.status.ManualTimer;
import dev.terrace.desktop.status.ScriptedGateway;
import dev.terrace.desktop.status.Waiting;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.desktop.task.UiExecutor;
import dev.terrace.session.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsViewModelTest {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path stateDir;

    private final Stack stack = Guide.stack();
    private final ScriptedGateway gateway = new ScriptedGateway(Guide.freshCloud());
    private final ManualTimer timer = new ManualTimer();
    private final BackgroundRunner runner = new BackgroundRunner(2, UiExecutor.INLINE);
    private final ConsoleModel model = new ConsoleModel(runner, 0);
    private LogsViewModel viewModel;

    @BeforeEach
    void open() {
        viewModel = new LogsViewModel(model, timer);
    }

    @AfterEach
    void close() {
        viewModel.close();
        runner.close();
    }

    private static LogEntry service(int second, String severity, String text) {
        return new LogEntry(START.plusSeconds(second), severity, "cloud_run_revision",
                Map.of("service_name", "mycoolproject", "revision_name", "mycoolproject-00001"), text);
    }

    private static LogEntry job(int second, String severity, String text) {
        return new LogEntry(START.plusSeconds(second), severity, "cloud_run_job",
                Map.of("job_name", "mycoolproject-worker"), text);
    }

    private void openWorkspaceAndWait() {
        model.setWorkspace(new Workspace(stack, gateway, stateDir));
        waitForRead();
    }

    private void waitForRead() {
        Waiting.until("the log read to end", () -> !viewModel.loadingProperty().get());
    }

    private List<String> texts() {
        return viewModel.visibleEntries().stream().map(LogEntry::text).toList();
    }

    @Test
    void openingWorkspaceReadsEntriesOldestFirst() {
        gateway.write(service(2, "INFO", "GET /health/ 200"));
        gateway.write(service(1, "INFO", "Ready condition changed"));
        gateway.write(new LogEntry(START.plusSeconds(3), "NOTICE", "audited_resource", Map.of(), "create bucket"));

        openWorkspaceAndWait();

        assertThat(texts()).containsExactly("Ready condition changed", "GET /health/ 200");
        assertThat(gateway.logQueries()).isNotEmpty();
        LogQuery query = gateway.logQueries().get(gateway.logQueries().size() - 1);
        assertThat(query.filter()).isEqualTo("resource.type:\"cloud_run_\"");
        assertThat(query.limit()).isEqualTo(LogsViewModel.PAGE_SIZE);
        assertThat(query.since()).isNull();
    }

    @Test
    void severityFilterDropsInfoEntries() {
        gateway.write(service(1, "INFO", "GET / 200"));
        gateway.write(service(2, "WARNING", "GET /missing 404"));
        gateway.write(job(3, "ERROR", "Execution failed"));
        gateway.write(service(4, "DEBUG", "debug line"));
        openWorkspaceAndWait();
        assertThat(viewModel.visibleEntries()).hasSize(4);

        viewModel.severityProperty().set(SeverityFilter.WARNING);
        waitForRead();

        assertThat(texts()).containsExactly("GET /missing 404", "Execution failed");
        LogQuery query = gateway.logQueries().get(gateway.logQueries().size() - 1);
        assertThat(query.filter()).endsWith(" AND severity>=WARNING");

        viewModel.severityProperty().set(SeverityFilter.INFO);
        waitForRead();
        assertThat(texts()).doesNotContain("debug line");
        assertThat(texts()).contains("GET / 200");
    }

    @Test
    void searchMatchesTextIgnoringCase() {
        gateway.write(service(1, "INFO", "GET /health/ 200"));
        gateway.write(service(2, "INFO", "Database connection refused"));
        gateway.write(job(3, "INFO", "Migrations applied"));
        openWorkspaceAndWait();

        viewModel.searchProperty().set("DATABASE");
        assertThat(texts()).containsExactly("Database connection refused");

        viewModel.searchProperty().set("mycoolproject-worker");
        assertThat(texts()).as("search by job name").containsExactly("Migrations applied");

        viewModel.searchProperty().set("");
        assertThat(viewModel.visibleEntries()).hasSize(3);
    }

    @Test
    void scopeShowsOneServiceOrJob() {
        gateway.write(service(1, "INFO", "service line"));
        gateway.write(job(2, "INFO", "job line"));
        openWorkspaceAndWait();
        assertThat(viewModel.scopes()).extracting(LogScope::label).contains("Service mycoolproject",
                "Job mycoolproject-worker");

        LogScope jobScope = viewModel.scopes().stream()
                .filter(scope -> scope.label().equals("Job mycoolproject-worker")).findFirst().orElseThrow();
        viewModel.scopeProperty().set(jobScope);
        waitForRead();

        assertThat(texts()).containsExactly("job line");
        LogQuery query = gateway.logQueries().get(gateway.logQueries().size() - 1);
        assertThat(query.filter())
                .isEqualTo("resource.type=\"cloud_run_job\" AND resource.labels.job_name=\"mycoolproject-worker\"");
    }

    @Test
    void tailAddsOnlyNewerEntries() {
        gateway.write(service(1, "INFO", "first"));
        gateway.write(service(2, "INFO", "second"));
        openWorkspaceAndWait();
        gateway.write(service(2, "INFO", "same instant as second"));
        gateway.write(service(5, "WARNING", "third"));

        viewModel.tailNow();
        Waiting.until("the tail to add entries", () -> viewModel.visibleEntries().size() == 4);

        assertThat(texts()).as("entries after the tail").hasSize(4);
        assertThat(texts()).containsExactlyInAnyOrder("first", "second", "same instant as second", "third");
        assertThat(texts().get(0)).isEqualTo("first");
        assertThat(texts().get(3)).isEqualTo("third");
        LogQuery query = gateway.logQueries().get(gateway.logQueries().size() - 1);
        assertThat(query.since()).isEqualTo(START.plusSeconds(2));

        viewModel.tailNow();
        Waiting.until("the second tail read", () -> gateway.logQueries().size() >= 3);
        assertThat(texts()).as("after a tail with nothing new").hasSize(4);
    }

    @Test
    void liveTailPollsAndPausesWhenMinimised() {
        openWorkspaceAndWait();
        assertThat(viewModel.isTailing()).isFalse();

        viewModel.liveTailProperty().set(true);
        assertThat(timer.periods()).containsExactly(LogsViewModel.TAIL_PERIOD);
        gateway.write(service(1, "INFO", "arrived later"));
        timer.tick();
        Waiting.until("the tail to show the new entry", () -> texts().contains("arrived later"));

        viewModel.setMinimised(true);
        assertThat(viewModel.isTailing()).isFalse();
        assertThat(timer.periods()).isEmpty();

        viewModel.setMinimised(false);
        assertThat(viewModel.isTailing()).isTrue();
        viewModel.liveTailProperty().set(false);
        assertThat(timer.periods()).isEmpty();
    }

    @Test
    void failedReadShowsProblem() {
        gateway.failLogs(new CloudException(ErrorCategory.PERMISSION_DENIED, "logging.logEntries.list denied"));

        openWorkspaceAndWait();

        assertThat(viewModel.problemProperty().get()).contains("PERMISSION_DENIED");
        assertThat(viewModel.problemProperty().get()).contains("logging.logEntries.list denied");
        assertThat(viewModel.visibleEntries()).isEmpty();

        gateway.failLogs(null);
        gateway.write(service(1, "INFO", "back"));
        viewModel.refresh();
        waitForRead();
        assertThat(viewModel.problemProperty().get()).isEmpty();
        assertThat(texts()).containsExactly("back");
    }

    @Test
    void copyTextJoinsSelectedLines() {
        LogEntry first = service(1, "INFO", "GET / 200");
        LogEntry second = job(2, "ERROR", "Execution failed");

        String copied = viewModel.copyText(List.of(first, second));

        String[] lines = copied.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("INFO").contains("cloud_run_revision mycoolproject").endsWith("GET / 200");
        assertThat(lines[1]).contains("ERROR").contains("mycoolproject-worker").endsWith("Execution failed");
    }

    @Test
    void engineEventsFilterByAddress() {
        model.setWorkspace(new Workspace(stack, gateway, stateDir));
        Address web = Address.parse("run_service.web");
        Address queue = Address.parse("tasks_queue.default");
        model.eventSink().onEvent(new EngineEvent.ApplyStarted(START, "guide", 2, 4));
        model.eventSink().onEvent(new EngineEvent.ResourceStarted(START, web, Action.CREATE, 1));
        model.eventSink().onEvent(new EngineEvent.ResourceStarted(START, queue, Action.CREATE, 1));
        model.eventSink().onEvent(new EngineEvent.ResourceFinished(START, new ResourceOutcome(web, Action.CREATE,
                ResourceOutcome.Status.FAILED, 3, Duration.ofSeconds(2), "permission denied", null)));
        model.flushEvents();
        assertThat(viewModel.visibleEvents()).hasSize(4);
        assertThat(viewModel.eventAddresses()).contains(web, queue);

        viewModel.eventAddressProperty().set(web);

        assertThat(viewModel.visibleEvents()).hasSize(2);
        assertThat(viewModel.visibleEvents()).allMatch(event -> LogText.address(event).orElseThrow().equals(web));
        String copied = viewModel.copyEventText(viewModel.visibleEvents());
        assertThat(copied).contains("create started, attempt 1");
        assertThat(copied).contains("create failed after 3 attempts: permission denied");

        viewModel.eventAddressProperty().set(null);
        assertThat(viewModel.visibleEvents()).hasSize(4);
    }
}
