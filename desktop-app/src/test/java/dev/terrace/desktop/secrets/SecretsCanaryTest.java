package dev.terrace.desktop.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.joran.spi.JoranException;
import dev.terrace.core.GuideExample;
import dev.terrace.core.secret.CanaryScan;
import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.apply.CancelToken;
import dev.terrace.core.apply.ResourceOutcome;
import dev.terrace.core.secret.SecretEntry;
import dev.terrace.desktop.WorkspaceOpener;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.status.ManualTimer;
import dev.terrace.desktop.status.Waiting;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.desktop.task.UiExecutor;
import dev.terrace.session.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
 * Values added through the console's secret editor reach only the sandbox cloud. No file Terrace
 * writes (state, journal, run logs, the log file, the export) contains them in plain text, hex or
 * base64, and neither does the captured output or any text the view model shows. The emulator's
 * snapshot is the sandbox cloud's own storage, so it is left out of the scan and proves the scan
 * finds what it looks for.
 */
class SecretsCanaryTest {

    @TempDir
    Path written;

    @TempDir
    Path inputs;

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ManualTimer timer = new ManualTimer();
    private final FakeClipboard clipboard = new FakeClipboard();
    private final BackgroundRunner runner = new BackgroundRunner(2, UiExecutor.INLINE);
    private final ConsoleModel model = new ConsoleModel(runner, 0);
    private final List<String> shown = new ArrayList<>();
    private Workspace workspace;
    private SecretsViewModel viewModel;

    /**
     * Logs through the console's own logging configuration, at DEBUG, into the scanned folder, and
     * captures standard output and error, because the tests' configuration logs to the console only.
     */
    @BeforeEach
    void logToScannedFolder() throws JoranException {
        CanaryScan.logWithProductConfiguration(SecretsCanaryTest.class.getResource("/logback.xml"),
                written.resolve("state").resolve("logs"));
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
    }

    @AfterEach
    void restore() throws JoranException {
        if (viewModel != null) {
            viewModel.close();
        }
        runner.close();
        if (workspace != null) {
            workspace.close();
        }
        System.setOut(originalOut);
        System.setErr(originalErr);
        CanaryScan.restoreTestLogging();
    }

    @Test
    void canaryStaysInSandboxCloud() throws IOException {
        workspace = new WorkspaceOpener(written.resolve("state"), written.resolve("sandbox")).sandbox(GuideExample.path());
        ApplyResult applied = workspace.apply(workspace.plan(address -> true, false, null), new CancelToken(), null);
        assertThat(applied.withStatus(ResourceOutcome.Status.FAILED)).as("failed resources").isEmpty();
        viewModel = new SecretsViewModel(model, timer, clipboard);
        model.setWorkspace(workspace);
        idle();

        List<String> canaries = addCanaries();
        // Closing stops the sandbox, which writes its final snapshot; the periodic one may lag behind.
        workspace.close();
        workspace = null;

        assertNoCanary(canaries);
        Path snapshot = CanaryScan.emulatorSnapshot(written.resolve("sandbox"));
        assertThat(CanaryScan.forms(canaries.get(0))).anyMatch(form -> CanaryScan.contains(snapshot, form));
    }

    /** Adds canaries by typing, from a file and by a .env import, copies one and has two rejected; returns them all. */
    private List<String> addCanaries() throws IOException {
        List<String> canaries = new ArrayList<>();
        for (int index = 0; index < 6; index++) {
            canaries.add("canary-" + UUID.randomUUID());
        }
        Path valueFile = inputs.resolve("password.txt");
        Files.writeString(valueFile, canaries.get(1));

        select("EMAIL_HOST_USER");
        viewModel.reveal();
        viewModel.addVersion(canaries.get(0).toCharArray());
        idleWithoutProblem();
        select("EMAIL_HOST_PASSWORD");
        viewModel.addVersionFromFile(valueFile);
        idleWithoutProblem();
        viewModel.previewImport(("GOOGLE_CLIENT_SECRET=\"" + canaries.get(2) + "\"\n").getBytes(StandardCharsets.UTF_8));
        idleWithoutProblem();
        record(viewModel.importPreviewProperty().get());
        viewModel.applyImport();
        idleWithoutProblem();

        select("DATABASE_URL");
        viewModel.addVersion(("mysql://app:" + canaries.get(3) + "@db/app").toCharArray());
        idle();
        assertThat(viewModel.problemProperty().get()).contains("DATABASE_URL");
        record(viewModel.problemProperty().get());
        viewModel.copy(canaries.get(4).toCharArray());
        timer.tick();
        assertThat(clipboard.text()).isNull();
        viewModel.previewImport(("EMAIL_PORT=" + canaries.get(5) + "\n").getBytes(StandardCharsets.UTF_8));
        idle();
        record(viewModel.importPreviewProperty().get());
        viewModel.cancelImport();

        select("EMAIL_HOST_USER");
        viewModel.compare("1", "1");
        idleWithoutProblem();
        viewModel.exportExample(written.resolve(".env.example"));
        idleWithoutProblem();
        record(viewModel.comparisonProperty().get());
        record(viewModel.messageProperty().get());
        viewModel.secrets().forEach(this::record);
        viewModel.impactNotes().forEach(this::record);
        return canaries;
    }

    private void assertNoCanary(List<String> canaries) throws IOException {
        List<Path> scanned = CanaryScan.filesWritten(written);
        assertThat(scanned).as("files Terrace wrote").anyMatch(file -> file.toString().contains("state.json"));
        Path logFile = written.resolve("state").resolve("logs").resolve("terrace-console.log");
        assertThat(scanned).contains(logFile);
        assertThat(CanaryScan.contains(logFile, "Added version")).as("the log file records the adds").isTrue();
        assertThat(scanned).contains(written.resolve(".env.example"));
        String output = captured.toString(StandardCharsets.UTF_8);

        for (String canary : canaries) {
            for (String form : CanaryScan.forms(canary)) {
                for (Path file : scanned) {
                    assertThat(CanaryScan.contains(file, form)).as(file + " contains " + form).isFalse();
                }
                assertThat(output).as("captured output").doesNotContain(form);
                assertThat(shown).as("what the view model shows").noneMatch(text -> text.contains(form));
            }
        }
    }

    private void select(String secretId) {
        SecretEntry entry = viewModel.secrets().stream().filter(secret -> secret.secretId().equals(secretId))
                .findFirst().orElseThrow(() -> new AssertionError("no secret " + secretId));
        viewModel.selectedProperty().set(entry);
    }

    private void idle() {
        Waiting.until("the secret editor to finish", () -> !viewModel.busyProperty().get());
    }

    private void idleWithoutProblem() {
        idle();
        assertThat(viewModel.problemProperty().get()).isEmpty();
        record(viewModel.messageProperty().get());
    }

    private void record(Object text) {
        shown.add(String.valueOf(text));
    }
}
