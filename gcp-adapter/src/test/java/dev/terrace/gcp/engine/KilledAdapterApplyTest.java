package dev.terrace.gcp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.apply.ApplyOptions;
import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.apply.LeftLocks;
import dev.terrace.core.apply.ResourceOutcome.Status;
import dev.terrace.core.apply.RetryPolicy;
import dev.terrace.core.engine.Engine;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.PlanOptions;
import dev.terrace.core.stack.Stack;
import dev.terrace.core.state.StateLock;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.emulator.fault.FaultRule;
import dev.terrace.emulator.requestlog.RequestRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An apply through the adapter killed with SIGKILL part-way, and the run after it, against an
 * emulator that keeps its data in a folder and is restarted from it in between.
 */
class KilledAdapterApplyTest {

    /** The call that creates each kind the infrastructure apply creates; a second success would be a duplicate. */
    private static final Map<ResourceKind, String> CREATE_METHODS = Map.of(
            ResourceKind.SECRET, "google.cloud.secretmanager.v1.SecretManagerService/CreateSecret",
            ResourceKind.SERVICE_ACCOUNT, "google.iam.admin.v1.IAM/CreateServiceAccount",
            ResourceKind.ARTIFACT_REPOSITORY, "google.devtools.artifactregistry.v1.ArtifactRegistry/CreateRepository",
            ResourceKind.TASKS_QUEUE, "google.cloud.tasks.v2.CloudTasks/CreateQueue",
            ResourceKind.BUCKET, "storage.buckets.insert");
    private static final int CREATES_BEFORE_KILL = 5;

    @TempDir
    Path stateRoot;
    @TempDir
    Path dataDir;

    private GuideSandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void killedApplyResumesWithoutDuplicates() throws Exception {
        Stack stack = Guide.stack();
        UnaryOperator<EmulatorConfig.Builder> persistent = config -> config.dataDir(dataDir)
                .apiPropagationDelay(Duration.ofMillis(100));
        sandbox = GuideSandbox.start(stack, persistent);
        Map<ResourceKind, Long> expected = objectsOfEachKind(stack);
        sandbox.emulator.faults().add(FaultRule.on("*/Create*").latency(Duration.ofMillis(300),
                Duration.ofMillis(300)).build());
        sandbox.emulator.faults().add(FaultRule.on("storage.buckets.insert").latency(Duration.ofMillis(300),
                Duration.ofMillis(300)).build());

        Process child = startApply();
        waitForCreates(CREATES_BEFORE_KILL, child);
        child.destroyForcibly();
        assertThat(child.waitFor()).as("SIGKILL exit status").isEqualTo(137);
        List<RequestRecord> beforeRestart = sandbox.emulator.requestLog().records();
        sandbox.close();
        sandbox = GuideSandbox.start(stack, persistent);

        Engine engine = new Engine(sandbox.gateway, stateRoot, null);
        Plan plan = engine.plan(stack, infrastructure());
        assertThat(plan.changes()).filteredOn(change -> change.action() == Action.CREATE).as("creates left")
                .isNotEmpty();
        try (StateLock lock = LeftLocks.forceLockLeftBehind(engine, stack)) {
            ApplyResult result = engine.apply(stack, plan, new ApplyOptions(10, new RetryPolicy(
                    Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(60))), null);
            assertThat(result.withStatus(Status.FAILED)).as("failed in the resumed apply").isEmpty();
        }

        assertThat(engine.plan(stack, infrastructure()).hasChanges()).as("changes after the resumed apply").isFalse();
        List<RequestRecord> all = new ArrayList<>(beforeRestart);
        all.addAll(sandbox.emulator.requestLog().records());
        CREATE_METHODS.forEach((kind, method) -> assertThat(all.stream()
                .filter(record -> record.ok() && record.method().equals(method)).count())
                .as("successful %s calls", method).isEqualTo(expected.get(kind)));
        assertThat(all).as("deletes").noneMatch(record -> record.ok() && (record.method().contains("/Delete")
                || record.method().endsWith(".delete")));
    }

    private static PlanOptions infrastructure() {
        return new PlanOptions(PlanOptions.DEFAULT_PARALLELISM, false,
                address -> !GuideSandbox.NEED_IMAGE.contains(address.kind()));
    }

    /** Returns how many objects of each kind the stack has, all of which a fresh apply creates. */
    private static Map<ResourceKind, Long> objectsOfEachKind(Stack stack) {
        Map<ResourceKind, Long> counts = new EnumMap<>(ResourceKind.class);
        CREATE_METHODS.keySet().forEach(kind -> counts.put(kind, stack.all().stream()
                .filter(resource -> resource.address().kind() == kind).count()));
        return counts;
    }

    private Process startApply() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        // C1 only and the serial collector start the child faster, as the terrace launcher does.
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"),
                KillableAdapterApply.class.getName(), stateRoot.toString(),
                sandbox.emulator.endpoints().grpcTarget(), sandbox.emulator.endpoints().storageHost());
        builder.redirectErrorStream(true).redirectOutput(stateRoot.resolve("child.log").toFile());
        return builder.start();
    }

    private void waitForCreates(int count, Process child) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (Instant.now().isBefore(deadline) && child.isAlive()) {
            long created = sandbox.emulator.requestLog().filter(record -> record.ok()
                    && CREATE_METHODS.containsValue(record.method())).size();
            if (created >= count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child apply did not make " + count + " creates before it stopped or 40 s "
                + "passed; see " + stateRoot.resolve("child.log"));
    }
}
