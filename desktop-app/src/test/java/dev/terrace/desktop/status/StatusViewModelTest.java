package dev.terrace.desktop.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.apply.CancelToken;
import dev.terrace.core.apply.ResourceOutcome;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.port.ResourceStatus.Health;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.core.stack.Stack;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.model.ResourceCondition;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.desktop.task.UiExecutor;
import dev.terrace.session.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusViewModelTest {

    @TempDir
    Path stateDir;

    private final Stack stack = Guide.stack();
    private final ScriptedGateway gateway = new ScriptedGateway(Guide.freshCloud());
    private final ManualTimer timer = new ManualTimer();
    private BackgroundRunner runner;
    private StatusViewModel viewModel;

    @AfterEach
    void close() {
        if (viewModel != null) {
            viewModel.close();
        }
        if (runner != null) {
            runner.close();
        }
    }

    private ConsoleModel open(UiExecutor ui, long batchMillis) {
        runner = new BackgroundRunner(2, ui);
        ConsoleModel model = new ConsoleModel(runner, 0);
        viewModel = new StatusViewModel(model, timer, batchMillis);
        model.setWorkspace(new Workspace(stack, gateway, stateDir));
        return model;
    }

    private void readAndWait() {
        int before = viewModel.roundsStarted();
        viewModel.readNow();
        assertThat(viewModel.roundsStarted()).as("rounds started").isEqualTo(before + 1);
        Waiting.until("the status round to end", () -> !viewModel.readingProperty().get());
    }

    private StatusRow row(String address) {
        return viewModel.rows().stream().filter(row -> row.address().toString().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + address));
    }

    private Resource first(ResourceKind kind) {
        return stack.all().stream().filter(resource -> resource.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void rowsListEveryResourceBeforeAnyRead() {
        open(UiExecutor.INLINE, 0);

        assertThat(viewModel.rows()).hasSize(stack.all().size());
        assertThat(viewModel.rows()).allMatch(row -> row.condition() == ResourceCondition.UNKNOWN);
        assertThat(viewModel.rows()).allMatch(row -> row.health() == null);
        assertThat(viewModel.lastReadProperty().get()).isNull();
    }

    @Test
    void missingResourceShowsMissing() {
        open(UiExecutor.INLINE, 0);

        readAndWait();

        StatusRow service = row(first(ResourceKind.RUN_SERVICE).address().toString());
        assertThat(service.condition()).isEqualTo(ResourceCondition.MISSING);
        assertThat(service.health()).isEqualTo(Health.MISSING);
        assertThat(service.url()).isEmpty();
        assertThat(service.needsAttention()).isTrue();
        assertThat(gateway.statusReads()).as("one read per resource").isEqualTo(stack.all().size());
        assertThat(viewModel.serviceUrlProperty().get()).isEmpty();
        long missing = viewModel.rows().stream().filter(row -> row.health() == Health.MISSING).count();
        assertThat(missing).as("missing rows of a new project").isGreaterThan(stack.all().size() / 2);
        assertThat(viewModel.countsProperty().get()).contains(missing + " missing");
        assertThat(viewModel.lastReadProperty().get()).isNotNull();
    }

    @Test
    void appliedStackShowsInPlace() {
        ConsoleModel model = open(UiExecutor.INLINE, 0);
        Workspace workspace = model.workspace();
        ApplyResult applied = workspace.apply(workspace.plan(address -> true, false, null), new CancelToken(), null);
        assertThat(applied.withStatus(ResourceOutcome.Status.FAILED)).isEmpty();
        SecretSpec secret = (SecretSpec) first(ResourceKind.SECRET).spec();
        gateway.secretValues().add(secret.secretId(), "value".getBytes(StandardCharsets.UTF_8));

        readAndWait();

        assertThat(viewModel.rows()).allMatch(row -> row.condition() == ResourceCondition.IN_PLACE,
                "every row in place");
        assertThat(viewModel.rows()).noneMatch(StatusRow::needsAttention);
        assertThat(row(first(ResourceKind.SECRET).address().toString()).details())
                .contains("1 version, 1 enabled, latest 1");
    }

    @Test
    void failedReadShowsUnknownWithReason() {
        open(UiExecutor.INLINE, 0);
        Resource queue = first(ResourceKind.TASKS_QUEUE);
        gateway.failStatus(queue.spec().identity(),
                new CloudException(ErrorCategory.PERMISSION_DENIED, "cloudtasks.queues.get denied on the queue"));

        readAndWait();

        StatusRow failed = row(queue.address().toString());
        assertThat(failed.health()).isEqualTo(Health.UNKNOWN);
        assertThat(failed.summary()).contains("PERMISSION_DENIED");
        assertThat(failed.summary()).contains("cloudtasks.queues.get denied");
        assertThat(row(first(ResourceKind.RUN_SERVICE).address().toString()).health()).isEqualTo(Health.MISSING);
    }

    @Test
    void statusesArriveInBatches() {
        QueuedUi ui = new QueuedUi();
        ConsoleModel model = open(ui, 200);
        ui.runQueued();
        int before = ui.tasksRun();

        viewModel.readNow();
        Waiting.until("every status in the model", () -> {
            ui.runQueued();
            return model.statuses().size() == stack.all().size() && !viewModel.readingProperty().get();
        });
        ui.runQueued();

        int uiUpdates = ui.tasksRun() - before;
        assertThat(uiUpdates).as("UI updates for %d statuses", stack.all().size())
                .isLessThan(stack.all().size() / 4);
        assertThat(viewModel.rows()).allMatch(row -> row.health() != null, "every row read");
    }

    @Test
    void readDuringRoundRunsOnceAfterIt() {
        QueuedUi ui = new QueuedUi();
        open(ui, 0);

        viewModel.readNow();
        viewModel.readNow();
        viewModel.readNow();

        assertThat(viewModel.roundsStarted()).as("rounds running at once").isEqualTo(1);
        Waiting.until("both rounds to end", () -> {
            ui.runQueued();
            return viewModel.roundsStarted() == 2 && !viewModel.readingProperty().get();
        });
        ui.runQueued();
        assertThat(viewModel.roundsStarted()).as("rounds after three requests").isEqualTo(2);
        assertThat(gateway.statusReads()).isEqualTo(2 * stack.all().size());
    }

    @Test
    void intervalSchedulesPolling() {
        open(UiExecutor.INLINE, 0);
        assertThat(timer.periods()).containsExactly(Duration.ofSeconds(15));

        viewModel.intervalProperty().set(PollInterval.FIVE_SECONDS);
        assertThat(timer.periods()).containsExactly(Duration.ofSeconds(5));

        timer.tick();
        Waiting.until("the polled round to end", () -> !viewModel.readingProperty().get());
        assertThat(viewModel.roundsStarted()).isEqualTo(1);

        viewModel.intervalProperty().set(PollInterval.OFF);
        assertThat(timer.periods()).isEmpty();
        assertThat(viewModel.isPolling()).isFalse();
    }

    @Test
    void pollingPausesWhenMinimised() {
        open(UiExecutor.INLINE, 0);

        viewModel.setMinimised(true);
        assertThat(viewModel.isPolling()).isFalse();
        timer.tick();
        assertThat(viewModel.roundsStarted()).as("rounds while minimised").isZero();
        assertThat(gateway.statusReads()).isZero();

        viewModel.setMinimised(false);
        assertThat(viewModel.isPolling()).isTrue();
        assertThat(viewModel.roundsStarted()).as("a read on restore").isEqualTo(1);
        Waiting.until("the round to end", () -> !viewModel.readingProperty().get());
        timer.tick();
        Waiting.until("the polled round to end", () -> !viewModel.readingProperty().get());
        assertThat(viewModel.roundsStarted()).isEqualTo(2);
    }

    @Test
    void closedWorkspaceClearsRows() {
        ConsoleModel model = open(UiExecutor.INLINE, 0);
        readAndWait();

        model.setWorkspace(null);

        assertThat(viewModel.rows()).isEmpty();
        assertThat(List.copyOf(model.statuses().keySet())).isEmpty();
        viewModel.readNow();
        assertThat(viewModel.roundsStarted()).as("rounds without a workspace").isEqualTo(1);
    }
}
