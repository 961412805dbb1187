package dev.terrace.desktop.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.terrace.core.GuideExample;
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
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Values added through the console's secret editor reach only the sandbox cloud: no file Terrace
 * writes (state, journal, run logs, the log file, the export), no captured output and no text the
 * view model shows contains them, in plain text, hex or base64. The emulator's snapshot is the
 * sandbox cloud's own storage, so it is left out of the scan and proves the scan finds what it
 * looks for.
 */
class SecretsCanaryTest {

    /** The emulator's snapshot inside the sandbox folder: the cloud's storage, not a file of Terrace's. */
    private static final String EMULATOR_SNAPSHOT = "emulator-state.json";

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
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        context.putProperty("terrace.log.dir", written.resolve("state").resolve("logs").toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(SecretsCanaryTest.class.getResource("/logback.xml"));
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.DEBUG);
        PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        System.setErr(tee);
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
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
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

        assertNoCanary(canaries);
        Path snapshot;
        try (Stream<Path> files = Files.walk(written.resolve("sandbox"))) {
            snapshot = files.filter(file -> file.getFileName().toString().equals(EMULATOR_SNAPSHOT)).findFirst()
                    .orElseThrow();
        }
        assertThat(forms(canaries.get(0))).anyMatch(form -> contains(snapshot, form));
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
        List<Path> scanned = new ArrayList<>();
        try (Stream<Path> files = Files.walk(written)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals(EMULATOR_SNAPSHOT)).forEach(scanned::add);
        }
        assertThat(scanned).as("files Terrace wrote").anyMatch(file -> file.toString().contains("state.json"));
        Path logFile = written.resolve("state").resolve("logs").resolve("terrace-console.log");
        assertThat(scanned).contains(logFile);
        assertThat(contains(logFile, "Added version")).as("the log file records the adds").isTrue();
        assertThat(scanned).contains(written.resolve(".env.example"));
        String output = captured.toString(StandardCharsets.UTF_8);

        for (String canary : canaries) {
            for (String form : forms(canary)) {
                for (Path file : scanned) {
                    assertThat(contains(file, form)).as(file + " contains " + form).isFalse();
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

    /** Returns the canary as text, hex, and the middle of its base64 at each of the three alignments. */
    private static List<String> forms(String canary) {
        List<String> forms = new ArrayList<>(List.of(canary,
                HexFormat.of().formatHex(canary.getBytes(StandardCharsets.UTF_8))));
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = ("xx".substring(0, shift) + canary).getBytes(StandardCharsets.UTF_8);
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String encoded = encoder.encodeToString(shifted);
                forms.add(encoded.substring(4, encoded.length() - 4));
            }
        }
        return forms;
    }

    private static boolean contains(Path file, String form) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(form);
        } catch (IOException unreadable) {
            throw new AssertionError("Cannot read " + file, unreadable);
        }
    }
}
