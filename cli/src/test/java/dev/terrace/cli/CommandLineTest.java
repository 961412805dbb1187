package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.GuideExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path folder;

    @Test
    void validateGuideExitsZero() {
        CliRun run = CliRun.of("validate", "--stack", GuideExample.path().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("is valid: 43 resources, 0 errors, 0 warnings.");
    }

    @Test
    void validateReportsEachFaultWithLineAndFix() throws IOException {
        Path faulty = folder.resolve("faulty.yaml");
        Files.writeString(faulty, GuideExample.text().replace("resources: {}", """
                resources:
                  run_service.web:
                    env:
                      PORT: "8080"
                  bucket.static:
                    name: Not_A_Bucket
                  scheduler_job.worker_trigger:
                    schedule: "every minute"
                  service_account.run:
                    depends_on: [run_service.web]
                """));

        CliRun run = CliRun.of("validate", "--stack", faulty.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("error: Reserved environment variable PORT\n  at " + faulty + ":17:7");
        assertThat(run.out()).contains("error: Invalid bucket name\n  at " + faulty + ":19:5");
        assertThat(run.out()).contains("error: Invalid cron expression \"every minute\"\n  at " + faulty + ":21:5");
        assertThat(run.out()).contains("error: Dependency cycle\n  at " + faulty + ":23:5");
        assertThat(run.out().split("Fix: ", -1)).hasSize(5);
        assertThat(run.out()).contains("is not valid: 4 errors, 0 warnings.");
    }

    @Test
    void applyThenPlanHasNoChanges() {
        String stack = GuideExample.path().toString();
        String state = folder.toString();

        CliRun apply = CliRun.of("apply", "--gateway", "memory", "--auto-approve", "--stack", stack, "--state-dir", state);
        CliRun plan = CliRun.of("plan", "--gateway", "memory", "--detailed-exitcode", "--stack", stack,
                "--state-dir", state);

        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("Plan: 40 to add", "Apply complete: 40 changed, 3 already in place");
        assertThat(apply.err()).contains("run_service.web: creating...", "run_service.web: created in");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).isEqualTo("No changes. The cloud matches stack mycoolproject.\n");
    }

    @Test
    void detailedExitcodeIsTwoWhenThereAreChanges() {
        CliRun plan = CliRun.of("plan", "--gateway", "memory", "--detailed-exitcode", "--stack",
                GuideExample.path().toString(), "--state-dir", folder.toString());

        assertThat(plan.exitCode()).isEqualTo(2);
    }

    @Test
    void permanentFailureNamesFailureAndEverySkippedAddress() {
        CliRun apply = CliRun.of("apply", "--gateway", "memory", "--auto-approve", "--memory-fail",
                "service_account.worker", "--stack", GuideExample.path().toString(), "--state-dir", folder.toString());

        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(apply.out()).contains("Apply failed: ", "1 failed, 7 skipped");
        assertThat(apply.out()).contains("Failed:\n  service_account.worker: PERMISSION_DENIED");
        assertThat(apply.out()).contains("  run_job.worker: skipped because service_account.worker failed",
                "  run_job.migrate: skipped", "  run_job.collectstatic: skipped", "  scheduler_job.worker_trigger: skipped",
                "  project_iam.worker_cloudtasks_admin: skipped", "  project_iam.worker_storage_object_admin: skipped",
                "  project_iam.worker_secretmanager_secret_accessor: skipped");
    }

    @Test
    void declinedApplyChangesNothing() {
        String stack = GuideExample.path().toString();

        CliRun apply = CliRun.withInput("n\n", "apply", "--gateway", "memory", "--stack", stack, "--state-dir",
                folder.toString());
        CliRun state = CliRun.of("state", "list", "--stack", stack, "--state-dir", folder.toString());

        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(apply.out()).contains("[y/N]", "Apply cancelled; nothing was changed.");
        assertThat(state.out()).contains("is empty");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"validate", "plan", "apply", "destroy", "state", "console"}) {
            CliRun help = CliRun.of(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: terrace " + command);
        }
        assertThat(CliRun.of("plan", "--help").out()).contains("--detailed-exitcode", "Exit 0 when there are no changes");
    }

    @Test
    void missingStackFileIsAClearError() {
        CliRun run = CliRun.of("plan", "--gateway", "memory", "--stack", folder.resolve("nope.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Stack file not found", "--stack FILE").doesNotContain("Exception");
    }

    @Test
    void invalidParallelismNamesTheRange() {
        CliRun run = CliRun.of("apply", "--gateway", "memory", "--parallelism", "0", "--stack",
                GuideExample.path().toString(), "--state-dir", folder.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--parallelism must be between 1 and 256, was 0.");
    }
}
