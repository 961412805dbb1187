package dev.terrace.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.GuideExample;
import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.apply.CancelToken;
import dev.terrace.core.engine.Validation;
import dev.terrace.core.model.Address;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.port.JobExecution;
import dev.terrace.core.stack.Stack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy's job step on the sandbox, through the official Run client and the emulator. */
class WorkspaceDeployJobsTest {

    @TempDir
    Path folder;

    @Test
    void failedMigrateStopsBeforeCollectstatic() {
        // The emulator ends an execution with the exit code this env var names.
        String text = GuideExample.text().replace("resources: {}", String.join("\n",
                "resources:",
                "  run_job.migrate:",
                "    env:",
                "      TERRACE_EMULATOR_EXIT_CODE: \"1\"",
                ""));
        Stack stack = Validation.of("terrace.yaml", text).usableStack().orElseThrow();

        try (Workspace workspace = new Workspace(stack, Sandbox.start(stack, folder.resolve("sandbox")),
                folder.resolve("state"))) {
            Plan plan = workspace.plan(address -> true, false, null);
            ApplyResult applied = workspace.apply(plan, new CancelToken(), null);
            assertThat(applied.succeeded()).as("apply of the guide stack").isTrue();

            List<Address> started = new ArrayList<>();
            List<JobExecution> executions = workspace.runDeployJobs(started::add, execution -> { });

            assertThat(workspace.deployJobs()).extracting(resource -> resource.address().toString())
                    .containsExactly("run_job.migrate", "run_job.collectstatic");
            assertThat(started).extracting(Address::toString).containsExactly("run_job.migrate");
            assertThat(executions).hasSize(1);
            assertThat(executions.get(0).outcome()).isEqualTo(JobExecution.Outcome.FAILED);
            assertThat(executions.get(0).message()).isNotBlank();
        }
    }
}
