package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.joran.spi.JoranException;
import dev.terrace.core.GuideExample;
import dev.terrace.core.secret.CanaryScan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values added through {@code terrace secrets} reach only the cloud: no file Terrace writes (state,
 * journal, run logs, the log file, the export) and no output contains them, in plain text, base64
 * or hex. The emulator's snapshot is the sandbox cloud's own storage, where Secret Manager keeps
 * values, so it is left out of the scan and used to prove the scan finds what it looks for.
 */
class SecretsCanaryTest {

    @TempDir
    Path written;

    @TempDir
    Path inputs;

    private final List<CliRun> runs = new ArrayList<>();

    /**
     * Logs through the command line's own logging configuration, at DEBUG, into the scanned folder,
     * because the tests' configuration logs to the console only.
     */
    @BeforeEach
    void logToScannedFolder() throws JoranException {
        CanaryScan.logWithProductConfiguration(SecretsCanaryTest.class.getResource("/logback.xml"),
                written.resolve("logs"));
    }

    @AfterEach
    void restoreTestLogging() throws JoranException {
        CanaryScan.restoreTestLogging();
    }

    @Test
    void canaryStaysInMemoryCloud() throws IOException {
        List<String> canaries = addCanaries("memory");

        assertNoCanary(canaries);
    }

    @Test
    void canaryStaysInSandboxCloud() throws IOException {
        List<String> canaries = addCanaries("sandbox");

        CliRun again = run("", "secrets", "import", inputs.resolve("app.env").toString(), "--gateway", "sandbox");
        assertThat(again.out()).contains("Unchanged: GOOGLE_CLIENT_SECRET");
        assertNoCanary(canaries);
        Path snapshot = CanaryScan.emulatorSnapshot(written.resolve("sandbox"));
        assertThat(CanaryScan.forms(canaries.get(0))).anyMatch(form -> CanaryScan.contains(snapshot, form));
    }

    /** Adds canaries through standard input, a file and a .env import, plus two rejected ones; returns them all. */
    private List<String> addCanaries(String gateway) throws IOException {
        List<String> canaries = new ArrayList<>();
        for (int index = 0; index < 5; index++) {
            canaries.add("canary-" + UUID.randomUUID());
        }
        Path valueFile = inputs.resolve("password.txt");
        Files.writeString(valueFile, canaries.get(1) + "\n");
        Files.writeString(inputs.resolve("app.env"), "GOOGLE_CLIENT_SECRET=\"" + canaries.get(2) + "\"\n");

        assertSucceeded(run("", "apply", "--auto-approve", "--gateway", gateway));
        assertSucceeded(run(canaries.get(0) + "\n", "secrets", "add", "EMAIL_HOST_USER", "--gateway", gateway));
        assertSucceeded(run("", "secrets", "add", "EMAIL_HOST_PASSWORD", "--from-file", valueFile.toString(),
                "--gateway", gateway));
        assertSucceeded(run("", "secrets", "import", inputs.resolve("app.env").toString(), "--auto-approve",
                "--gateway", gateway));
        assertRejected(run("mysql://app:" + canaries.get(3) + "@db/app", "secrets", "add", "DATABASE_URL",
                "--gateway", gateway));
        assertRejected(run("", "secrets", "add", "EMAIL_HOST", canaries.get(4), "--gateway", gateway));
        assertSucceeded(run("", "secrets", "list", "--gateway", gateway));
        assertSucceeded(run("", "secrets", "list", "--json", "--gateway", gateway));
        assertSucceeded(run("", "secrets", "versions", "EMAIL_HOST_USER", "--json", "--gateway", gateway));
        assertSucceeded(run("", "secrets", "export", "--output", written.resolve(".env.example").toString(),
                "--gateway", gateway));
        return canaries;
    }

    private void assertNoCanary(List<String> canaries) throws IOException {
        List<Path> scanned = CanaryScan.filesWritten(written);
        assertThat(scanned).as("files Terrace wrote").anyMatch(file -> file.toString().contains("state.json"));
        assertThat(scanned).anyMatch(file -> file.getFileName().toString().equals("terrace.log"));
        assertThat(CanaryScan.contains(written.resolve("logs").resolve("terrace.log"), "Added version"))
                .as("the log file records the adds").isTrue();
        assertThat(scanned).anyMatch(file -> file.getFileName().toString().equals(".env.example"));

        for (String canary : canaries) {
            for (String form : CanaryScan.forms(canary)) {
                for (Path file : scanned) {
                    assertThat(CanaryScan.contains(file, form)).as(file + " contains " + form).isFalse();
                }
                for (CliRun run : runs) {
                    assertThat(run.out() + run.err()).doesNotContain(form);
                }
            }
        }
    }

    private CliRun run(String input, String... args) {
        CliRun run = CliRun.withInput(input, SecretsRuns.where(written, GuideExample.path(), args));
        runs.add(run);
        return run;
    }

    private static void assertSucceeded(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static void assertRejected(CliRun run) {
        assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).startsWith("Error: ");
    }
}
