package dev.terrace.core.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.core.event.EngineEvent;
import dev.terrace.core.event.EngineListener;
import dev.terrace.core.json.Json;
import dev.terrace.core.plan.PlanJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The event log of one plan or apply run, as JSON lines in the stack's {@code runs/} folder. Only
 * the newest {@value #KEEP} runs are kept. Each line is flushed at once, so a killed run leaves
 * its events up to the kill.
 */
public final class RunLog implements EngineListener, AutoCloseable {

    public static final int KEEP = 50;

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper = Json.mapper();
    private final Path file;
    private final BufferedWriter writer;

    private RunLog(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Opens a new run log for a command and removes the oldest ones beyond {@value #KEEP}. */
    public static RunLog open(Path runsFolder, String command) {
        try {
            Files.createDirectories(runsFolder);
            Path file = runsFolder.resolve(NAME.format(Instant.now()) + "-" + command + "-"
                    + ProcessHandle.current().pid() + ".jsonl");
            BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            prune(runsFolder);
            return new RunLog(file, writer);
        } catch (IOException failed) {
            throw new StateException("Cannot open a run log in " + runsFolder + ": " + failed.getMessage()
                    + ". Check that the state folder is writable.", failed);
        }
    }

    public Path file() {
        return file;
    }

    /** Writes a line with a free-form message, such as the command line that started the run. */
    public synchronized void note(String kind, String message) {
        ObjectNode line = mapper.createObjectNode();
        line.put("at", Instant.now().toString());
        line.put("event", kind);
        line.put("message", message);
        write(line);
    }

    @Override
    public synchronized void onEvent(EngineEvent event) {
        ObjectNode line = mapper.createObjectNode();
        line.put("at", event.at().toString());
        line.put("event", event.getClass().getSimpleName());
        if (event instanceof EngineEvent.PlanFinished finished) {
            line.set("plan", PlanJson.toJson(finished.plan()));
        } else {
            ObjectNode body = mapper.valueToTree(event);
            body.remove("at");
            line.setAll(body);
        }
        write(line);
    }

    private void write(ObjectNode line) {
        try {
            writer.write(mapper.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(line));
            writer.newLine();
            writer.flush();
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot write the run log " + file, failed);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot close the run log " + file, failed);
        }
    }

    private static void prune(Path runsFolder) throws IOException {
        List<Path> runs;
        try (Stream<Path> files = Files.list(runsFolder)) {
            runs = files.filter(path -> path.getFileName().toString().endsWith(".jsonl"))
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        }
        for (int index = 0; index < runs.size() - KEEP; index++) {
            Files.deleteIfExists(runs.get(index));
        }
    }
}
