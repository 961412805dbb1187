package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.GuideExample;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guide's stack on a fresh sandbox, through the official clients and the emulator. */
class SandboxCommandLineTest {

    @TempDir
    Path folder;

    @Test
    void guideStackAppliesPlansCleanAndDestroys() {
        String[] where = {"--stack", GuideExample.path().toString(), "--state-dir", folder.resolve("state").toString(),
            "--sandbox-dir", folder.resolve("sandbox").toString()};

        CliRun apply = CliRun.of(concat(new String[] {"apply", "--sandbox", "--auto-approve"}, where));
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.err()).contains("sandbox: gave secret DATABASE_URL a placeholder value");

        CliRun plan = CliRun.of(concat(new String[] {"plan", "--detailed-exitcode"}, where));
        assertThat(plan.exitCode()).as(plan.out()).isZero();
        assertThat(plan.out()).contains("No changes.");

        CliRun status = CliRun.of(concat(new String[] {"status"}, where));
        String service = status.out().lines().filter(line -> line.startsWith("run_service.web")).findFirst()
                .orElseThrow();
        assertThat(service).contains("READY", "uri=http://127.0.0.1:", "health=200 {\"status\": \"ok\"}");

        CliRun destroy = CliRun.of(concat(new String[] {"destroy", "--auto-approve"}, where));
        assertThat(destroy.exitCode()).as(destroy.out() + destroy.err()).isZero();
        CliRun state = CliRun.of("state", "list", "--stack", GuideExample.path().toString(), "--state-dir",
                folder.resolve("state").toString());
        assertThat(state.out()).contains("is empty");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
