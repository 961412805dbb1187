package dev.terrace.desktop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.memory.FaultRule;
import dev.terrace.core.memory.MemoryGateway;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.desktop.deploy.DeployStep.State;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.desktop.task.UiExecutor;
import dev.terrace.session.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployViewModelTest {

    @TempDir
    Path stateRoot;

    private BackgroundRunner runner;

    @AfterEach
    void stopRunner() {
        if (runner != null) {
            runner.close();
        }
    }

    private DeployViewModel deployOn(MemoryGateway cloud, AtomicInteger refreshes) {
        runner = new BackgroundRunner(2, UiExecutor.INLINE);
        ConsoleModel model = new ConsoleModel(runner, 0);
        model.setWorkspace(new Workspace(Guide.stack(), cloud, stateRoot));
        return new DeployViewModel(model, 0, refreshes::incrementAndGet);
    }

    @Test
    void fullDeployAppliesRunsJobsAndSucceeds() {
        MemoryGateway cloud = Guide.freshCloud();
        AtomicInteger refreshes = new AtomicInteger();
        DeployViewModel deploy = deployOn(cloud, refreshes);

        deploy.start();
        await(() -> deploy.phase() == DeployPhase.REVIEW);
        int planned = deploy.steps().size();
        assertThat(deploy.planProperty().get()).isNotNull();
        assertThat(deploy.canConfirm()).isTrue();
        deploy.confirm();
        await(() -> !deploy.phase().running());

        long changes = deploy.planProperty().get().changes().stream()
                .filter(change -> change.action().changesCloud()).count();
        assertThat(planned).isEqualTo((int) changes).isGreaterThan(30);
        assertThat(deploy.steps()).filteredOn(step -> step.action().isEmpty()).isEmpty();
        assertThat(deploy.steps()).allMatch(step -> step.state() == State.SUCCEEDED);
        assertThat(deploy.steps()).extracting(DeployStep::subject)
                .contains("run_job.migrate", "run_job.collectstatic");
        // The in-memory cloud's service has no URL, so the deploy ends at the health check.
        assertThat(deploy.phase()).isEqualTo(DeployPhase.FAILED);
        assertThat(deploy.summaryProperty().get()).contains("not healthy");
        assertThat(refreshes.get()).isEqualTo(1);
    }

    @Test
    void permanentFaultShowsFailureAndSkipped() {
        String account = Guide.stack().all().stream()
                .filter(resource -> resource.address().toString().equals("service_account.run"))
                .findFirst().orElseThrow().spec().identity();
        MemoryGateway cloud = new MemoryGateway(Guide.cloudOptions().withFaults(List.of(
                FaultRule.permanent(ResourceKind.SERVICE_ACCOUNT, account, ErrorCategory.PERMISSION_DENIED))));
        DeployViewModel deploy = deployOn(cloud, new AtomicInteger());

        deploy.start();
        await(() -> deploy.phase() == DeployPhase.REVIEW);
        deploy.confirm();
        await(() -> !deploy.phase().running());

        assertThat(deploy.phase()).isEqualTo(DeployPhase.FAILED);
        assertThat(deploy.failures()).anyMatch(line -> line.startsWith("Failed: service_account.run"));
        assertThat(deploy.failures()).anyMatch(line -> line.startsWith("Skipped: "));
        assertThat(deploy.steps()).filteredOn(step -> step.subject().equals("service_account.run"))
                .extracting(DeployStep::state).containsExactly(State.FAILED);
        assertThat(deploy.steps()).extracting(DeployStep::subject).doesNotContain("run_job.migrate (run once)");
    }

    @Test
    void deleteNeedsTheStackNameTyped() {
        MemoryGateway cloud = Guide.freshCloud();
        DeployViewModel deploy = deployOn(cloud, new AtomicInteger());
        deploy.startChapters(Set.of(Chapter.CLOUD_STORAGE));
        await(() -> deploy.phase() == DeployPhase.REVIEW);
        deploy.confirm();
        await(() -> !deploy.phase().running());
        assertThat(deploy.phase()).isEqualTo(DeployPhase.SUCCEEDED);

        deploy.needsTypedConfirmationProperty().set(true);
        assertThat(deploy.canConfirm()).isFalse();
    }

    @Test
    void chapterApplyTouchesOnlyThatChapter() {
        MemoryGateway cloud = Guide.freshCloud();
        DeployViewModel deploy = deployOn(cloud, new AtomicInteger());

        deploy.startChapters(Set.of(Chapter.SECRETS));
        await(() -> deploy.phase() == DeployPhase.REVIEW);

        assertThat(deploy.steps()).isNotEmpty();
        assertThat(deploy.steps()).allMatch(step -> step.subject().startsWith("secret."));
    }

    @Test
    void cancelDuringReviewChangesNothing() {
        MemoryGateway cloud = Guide.freshCloud();
        DeployViewModel deploy = deployOn(cloud, new AtomicInteger());
        deploy.start();
        await(() -> deploy.phase() == DeployPhase.REVIEW);

        deploy.cancel();

        assertThat(deploy.phase()).isEqualTo(DeployPhase.IDLE);
        assertThat(cloud.objectCount()).isZero();
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }
}
