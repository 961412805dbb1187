package dev.terrace.core.secret;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Helpers of the canary tests, which add a unique value as a secret and then look for it in every
 * file and output a front end produced.
 */
public final class CanaryScan {

    /**
     * The emulator's snapshot inside the sandbox folder. It is the sandbox cloud's own storage, not
     * a file of Terrace's, so a scan leaves it out and uses it to prove that a scan finds a value.
     */
    public static final String EMULATOR_SNAPSHOT = "emulator-state.json";

    private CanaryScan() {
    }

    /** Returns the canary as text, hex, and the middle of its base64 at each of the three alignments. */
    public static List<String> forms(String canary) {
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

    /** Returns every regular file below {@code root} except the emulator's snapshot. */
    public static List<Path> filesWritten(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals(EMULATOR_SNAPSHOT)).toList();
        }
    }

    /** Returns the emulator's snapshot below the sandbox folder {@code sandboxRoot}. */
    public static Path emulatorSnapshot(Path sandboxRoot) throws IOException {
        try (Stream<Path> files = Files.walk(sandboxRoot)) {
            return files.filter(file -> file.getFileName().toString().equals(EMULATOR_SNAPSHOT)).findFirst()
                    .orElseThrow(() -> new AssertionError("No " + EMULATOR_SNAPSHOT + " below " + sandboxRoot));
        }
    }

    /** Returns whether the file's bytes, read as ISO-8859-1 so that any byte matches, contain {@code form}. */
    public static boolean contains(Path file, String form) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(form);
        } catch (IOException unreadable) {
            throw new AssertionError("Cannot read " + file, unreadable);
        }
    }

    /**
     * Replaces the tests' logging with a front end's own configuration, at DEBUG, writing into
     * {@code logDir}, because the tests' configuration logs to the console only.
     */
    public static void logWithProductConfiguration(URL configuration, Path logDir) throws JoranException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        context.putProperty("terrace.log.dir", logDir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(configuration);
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.DEBUG);
    }

    /** Restores the tests' own logging configuration. */
    public static void restoreTestLogging() throws JoranException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }
}
