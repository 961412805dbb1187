package dev.terrace.core.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.core.Guide;
import dev.terrace.core.engine.Engine;
import dev.terrace.core.json.Json;
import dev.terrace.core.memory.MemoryGateway;
import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.PlanOptions;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.stack.Stack;
import dev.terrace.core.state.StateLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An apply killed with SIGKILL part-way, and the runs after it. */
class KilledApplyTest {

    @TempDir
    Path stateRoot;

    @Test
    void killedApplyResumesWithoutDuplicates() throws Exception {
        Path cloudFile = stateRoot.resolve("cloud.json");
        Process child = startSlowApply(cloudFile);
        waitForObjects(cloudFile, 6, child);
        child.destroyForcibly();
        assertThat(child.waitFor()).as("SIGKILL exit status").isEqualTo(137);

        Stack stack = Guide.stack();
        MemoryGateway cloud = new MemoryGateway(Guide.cloudOptions().withFile(cloudFile));
        Engine engine = new Engine(cloud, stateRoot, null);
        List<String> existing = objectsIn(cloudFile);
        Plan plan = engine.plan(stack, PlanOptions.defaults());

        List<ResourceChange> creates = plan.changes().stream()
                .filter(change -> change.action() == Action.CREATE).toList();
        assertThat(creates).noneMatch(change -> existing.contains(change.address().kind().key() + " "
                + change.desired().identity()));
        assertThat(creates).isNotEmpty();

        try (StateLock lock = LeftLocks.forceLockLeftBehind(engine, stack)) {
            ApplyResult result = engine.apply(stack, plan, new ApplyOptions(10, null), null);
            assertThat(result.succeeded()).isTrue();
        }
        assertThat(engine.plan(stack, PlanOptions.defaults()).hasChanges()).isFalse();
        assertThat(cloud.creates().values()).allMatch(count -> count == 1);
        assertThat(cloud.creates()).hasSize(31);
    }

    private Process startSlowApply(Path cloudFile) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KillableApply.class.getName(), stateRoot.toString(), cloudFile.toString());
        builder.redirectErrorStream(true).redirectOutput(stateRoot.resolve("child.log").toFile());
        return builder.start();
    }

    private static void waitForObjects(Path cloudFile, int count, Process child) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (child.isAlive() && objectsIn(cloudFile).size() >= count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child apply never created " + count + " objects");
    }

    private static List<String> objectsIn(Path cloudFile) {
        List<String> names = new ArrayList<>();
        try {
            if (!Files.exists(cloudFile)) {
                return names;
            }
            JsonNode root = Json.mapper().readTree(Files.readString(cloudFile));
            root.path("creates").fieldNames().forEachRemaining(names::add);
        } catch (java.io.IOException halfWritten) {
            // The file is replaced atomically, so this is only a read racing a replace; try again.
        }
        return names;
    }
}
