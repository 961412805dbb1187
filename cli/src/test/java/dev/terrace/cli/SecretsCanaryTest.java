package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.terrace.core.GuideExample;
import java.io.IOException;
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
 * Values added through {@code terrace secrets} reach only the cloud: no file Terrace writes (state,
 * journal, run logs, the log file, the export) and no output contains them, in plain text, base64
 * or hex. The emulator's snapshot is the sandbox cloud's own storage, where Secret Manager keeps
 * values, so it is left out of the scan and used to prove the scan finds what it looks for.
 */
class SecretsCanaryTest {

    /** The emulator's snapshot inside the sandbox folder: the cloud's storage, not a file of Terrace's. */
    private static final String EMULATOR_SNAPSHOT = "emulator-state.json";

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
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        context.putProperty("terrace.log.dir", written.resolve("logs").toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(SecretsCanaryTest.class.getResource("/logback.xml"));
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.DEBUG);
    }

    @AfterEach
    void restoreTestLogging() throws JoranException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
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
        Path snapshot;
        try (Stream<Path> files = Files.walk(written.resolve("sandbox"))) {
            snapshot = files.filter(file -> file.getFileName().toString().equals(EMULATOR_SNAPSHOT)).findFirst()
                    .orElseThrow();
        }
        assertThat(forms(canaries.get(0))).anyMatch(form -> contains(snapshot, form));
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
        List<Path> scanned = new ArrayList<>();
        try (Stream<Path> files = Files.walk(written)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals(EMULATOR_SNAPSHOT)).forEach(scanned::add);
        }
        assertThat(scanned).as("files Terrace wrote").anyMatch(file -> file.toString().contains("state.json"));
        assertThat(scanned).anyMatch(file -> file.getFileName().toString().equals("terrace.log"));
        assertThat(contains(written.resolve("logs").resolve("terrace.log"), "Added version"))
                .as("the log file records the adds").isTrue();
        assertThat(scanned).anyMatch(file -> file.getFileName().toString().equals(".env.example"));

        for (String canary : canaries) {
            for (String form : forms(canary)) {
                for (Path file : scanned) {
                    assertThat(contains(file, form)).as(file + " contains " + form).isFalse();
                }
                for (CliRun run : runs) {
                    assertThat(run.out() + run.err()).doesNotContain(form);
                }
            }
        }
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
