package dev.terrace.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.GuideExample;
import dev.terrace.core.apply.ApplyOptions;
import dev.terrace.core.engine.Engine;
import dev.terrace.core.engine.Validation;
import dev.terrace.core.memory.MemoryGateway;
import dev.terrace.core.memory.Operation;
import dev.terrace.core.model.Address;
import dev.terrace.core.stack.Stack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {

    @TempDir
    Path stateRoot;

    @Test
    void disabledApiResourcesAreNotRead() {
        MemoryGateway cloud = Guide.freshCloud();
        Plan plan = new Engine(cloud, stateRoot, null).plan(Guide.stack(), PlanOptions.defaults());

        ResourceChange service = change(plan, "run_service.web");
        assertThat(service.action()).isEqualTo(Action.CREATE);
        assertThat(service.note()).isEqualTo("create after enabling run.googleapis.com");
        assertThat(service.dependsOn()).contains(Address.parse("api.run"));
        long bucketsAndStorage = 3;
        assertThat(cloud.callCounts().get(Operation.READ))
                .as("only the buckets are read, because storage is the only enabled API that serves a resource")
                .isEqualTo(bucketsAndStorage);
        assertThat(cloud.callCounts().get(Operation.ENABLED_SERVICES)).isEqualTo(1);
    }

    @Test
    void changedFieldPlansUpdate() {
        Stack stack = Guide.stack();
        Engine engine = appliedEngine(stack);
        Stack bigger = stackWith("  run_service.web:\n    memory: 1Gi\n");

        Plan plan = engine.plan(bigger, PlanOptions.defaults());

        ResourceChange service = change(plan, "run_service.web");
        assertThat(service.action()).isEqualTo(Action.UPDATE);
        assertThat(service.fieldChanges()).containsExactly(new FieldChange("memory", "\"512Mi\"", "\"1Gi\"", false));
        assertThat(plan.changes()).filteredOn(change -> change.action().changesCloud()).hasSize(1);
    }

    @Test
    void locationChangeForcesReplaceWithReason() {
        Stack stack = Guide.stack();
        Engine engine = appliedEngine(stack);
        Stack moved = stackWith("  bucket.media:\n    location: us-central1\n");

        ResourceChange media = change(engine.plan(moved, PlanOptions.defaults()), "bucket.media");

        assertThat(media.action()).isEqualTo(Action.REPLACE);
        assertThat(media.reason()).isEqualTo("location cannot change in place");
    }

    @Test
    void removedResourceIsDeleted() {
        Stack stack = Guide.stack();
        Engine engine = appliedEngine(stack);
        Stack smaller = stackWith("  bucket.terraform_state:\n    omit: true\n");

        ResourceChange state = change(engine.plan(smaller, PlanOptions.defaults()), "bucket.terraform_state");

        assertThat(state.action()).isEqualTo(Action.DELETE);
        assertThat(state.reason()).isEqualTo("it is no longer in the stack");
    }

    @Test
    void refreshRetriesUnavailableReads() {
        MemoryGateway flaky = new MemoryGateway(Guide.cloudOptions().withFaults(java.util.List.of(
                new dev.terrace.core.memory.FaultRule(null, Operation.READ, null,
                        dev.terrace.core.port.ErrorCategory.UNAVAILABLE, 1.0, 2, true, null))));

        Plan plan = new Engine(flaky, stateRoot, null).plan(Guide.stack(), PlanOptions.defaults());

        assertThat(plan.diagnostics()).isEmpty();
        assertThat(flaky.callCounts().get(Operation.READ)).isEqualTo(3 + 2);
    }

    @Test
    void guidePlanTextMatchesGolden() throws IOException {
        Plan plan = new Engine(Guide.freshCloud(), stateRoot, null).plan(Guide.stack(), PlanOptions.defaults());

        String expected = new String(Objects.requireNonNull(getClass().getResourceAsStream("/golden/guide-plan.txt"))
                .readAllBytes(), StandardCharsets.UTF_8);
        assertThat(PlanRenderer.render(plan)).isEqualTo(expected);
    }

    @Test
    void planJsonIsDeterministic() {
        String first = PlanJson.render(new Engine(Guide.freshCloud(), stateRoot, null)
                .plan(Guide.stack(), PlanOptions.defaults()));
        String second = PlanJson.render(new Engine(Guide.freshCloud(), stateRoot.resolve("other"), null)
                .plan(Guide.stack(), PlanOptions.defaults()));

        assertThat(first).isEqualTo(second);
        assertThat(first).contains("\"address\" : \"run_service.web\"", "\"glyph\" : \"+\"");
    }

    private Engine appliedEngine(Stack stack) {
        Path cloudFile = stateRoot.resolve("cloud.json");
        Engine engine = new Engine(new MemoryGateway(Guide.cloudOptions().withFile(cloudFile)), stateRoot, null);
        engine.apply(stack, engine.plan(stack, PlanOptions.defaults()), ApplyOptions.defaults(), null);
        return engine;
    }

    private static Stack stackWith(String resources) {
        String text = GuideExample.text().replace("resources: {}", "resources:\n" + resources);
        return Validation.of("changed.yaml", text).usableStack().orElseThrow();
    }

    private static ResourceChange change(Plan plan, String address) {
        return plan.changes().stream().filter(change -> change.address().toString().equals(address)).findFirst()
                .orElseThrow();
    }

    static void writeGolden(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
