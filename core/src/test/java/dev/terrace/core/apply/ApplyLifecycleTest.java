package dev.terrace.core.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.apply.ResourceOutcome.Status;
import dev.terrace.core.engine.Engine;
import dev.terrace.core.memory.FaultRule;
import dev.terrace.core.memory.MemoryGateway;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.PlanOptions;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.stack.Stack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyLifecycleTest {

    private static final ApplyOptions FAST_RETRIES = new ApplyOptions(10,
            new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(20), Duration.ofSeconds(30)));

    @TempDir
    Path stateRoot;

    @Test
    void applyThenPlanIsEmpty() {
        Stack stack = Guide.stack();
        MemoryGateway cloud = Guide.freshCloud();
        Engine engine = new Engine(cloud, stateRoot, null);

        ApplyResult result = engine.apply(stack, engine.plan(stack, PlanOptions.defaults()), FAST_RETRIES, null);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.state().resources()).hasSize(stack.resources().size());
        assertThat(cloud.objectCount()).isEqualTo(31);
        Plan second = engine.plan(stack, PlanOptions.defaults());
        assertThat(second.hasChanges()).isFalse();
        assertThat(second.diagnostics()).isEmpty();
    }

    @Test
    void applyConvergesWithTwentyPercentUnavailable() {
        Stack stack = Guide.stack();
        MemoryGateway cloud = new MemoryGateway(Guide.cloudOptions().withFaults(List.of(FaultRule.unavailable(0.2)))
                .withSeed(7));
        Engine engine = new Engine(cloud, stateRoot, null);

        ApplyResult result = engine.apply(stack, engine.plan(stack, PlanOptions.defaults()), FAST_RETRIES, null);

        assertThat(result.succeeded()).as("outcomes %s", result.withStatus(Status.FAILED)).isTrue();
        assertThat(result.outcomes().stream().mapToInt(ResourceOutcome::attempts).max().orElse(0))
                .as("some resource needed a retry").isGreaterThan(1);
        assertThat(cloud.creates().values()).allMatch(count -> count == 1);
        MemoryGateway calm = new MemoryGateway(Guide.cloudOptions());
        assertThat(new Engine(calm, stateRoot, null).plan(stack, PlanOptions.defaults()).changes())
                .filteredOn(change -> change.action() == Action.CREATE)
                .as("a new gateway has its own empty cloud, so this only checks the plan runs")
                .isNotEmpty();
    }

    @Test
    void permanentFailureSkipsDependentsAndIndependentBranchesFinish() {
        Stack stack = Guide.stack();
        MemoryGateway cloud = new MemoryGateway(Guide.cloudOptions().withFaults(List.of(
                FaultRule.permanent(ResourceKind.SERVICE_ACCOUNT, "mycoolproject-run", ErrorCategory.PERMISSION_DENIED))));
        Engine engine = new Engine(cloud, stateRoot, null);

        ApplyResult result = engine.apply(stack, engine.plan(stack, PlanOptions.defaults()), FAST_RETRIES, null);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.withStatus(Status.FAILED)).extracting(outcome -> outcome.address().toString())
                .containsExactly("service_account.run");
        assertThat(result.withStatus(Status.SKIPPED)).extracting(outcome -> outcome.address().toString())
                .containsExactlyInAnyOrder("project_iam.run_secretmanager_secret_accessor",
                        "project_iam.run_storage_object_admin", "project_iam.run_cloudtasks_admin", "run_service.web");
        assertThat(result.withStatus(Status.SKIPPED)).allMatch(outcome ->
                outcome.cause().equals(Address.parse("service_account.run")));
        assertThat(result.state().find(Address.parse("run_job.worker"))).isPresent();
        assertThat(result.state().find(Address.parse("run_service.web"))).isEmpty();
    }

    @Test
    void failedApplyResumesWhereItStopped() {
        Stack stack = Guide.stack();
        Path cloudFile = stateRoot.resolve("cloud.json");
        MemoryGateway failing = new MemoryGateway(Guide.cloudOptions().withFile(cloudFile).withFaults(List.of(
                FaultRule.permanent(ResourceKind.BUCKET, "mycoolproject-prod-static", ErrorCategory.PERMISSION_DENIED))));
        Engine first = new Engine(failing, stateRoot, null);
        first.apply(stack, first.plan(stack, PlanOptions.defaults()), FAST_RETRIES, null);

        MemoryGateway fixed = new MemoryGateway(Guide.cloudOptions().withFile(cloudFile));
        Engine second = new Engine(fixed, stateRoot, null);
        Plan resumed = second.plan(stack, PlanOptions.defaults());

        assertThat(resumed.changes()).filteredOn(change -> change.action() == Action.CREATE)
                .extracting(change -> change.address().toString()).containsExactly("bucket.static");
        assertThat(second.apply(stack, resumed, FAST_RETRIES, null).succeeded()).isTrue();
        assertThat(second.plan(stack, PlanOptions.defaults()).hasChanges()).isFalse();
    }

    @Test
    void destroyRemovesEverythingInReverseOrder() {
        Stack stack = Guide.stack();
        MemoryGateway cloud = Guide.freshCloud();
        Engine engine = new Engine(cloud, stateRoot, null);
        engine.apply(stack, engine.plan(stack, PlanOptions.defaults()), FAST_RETRIES, null);

        Plan destroy = engine.plan(stack, PlanOptions.defaults().withDestroy(true));
        ApplyResult result = engine.apply(stack, destroy, FAST_RETRIES, null);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.state().resources()).isEmpty();
        assertThat(cloud.objectCount()).isZero();
        List<String> order = destroy.changes().stream().map(change -> change.address().toString()).toList();
        assertThat(order.indexOf("run_service.web")).isLessThan(order.indexOf("service_account.run"));
        assertThat(order.indexOf("service_account.run")).isLessThan(order.indexOf("api.iam"));
        assertThat(cloud.enabledServices()).as("Service Usage stays on so the project can be managed again")
                .contains("serviceusage.googleapis.com").doesNotContain("run.googleapis.com");
    }
}
