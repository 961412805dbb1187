package dev.terrace.core.state;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.core.json.Json;
import dev.terrace.core.model.Address;
import dev.terrace.core.plan.Action;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The in-flight operations of a stack, written before each cloud call and cleared after it. When
 * a run is killed, the entries left behind tell the next plan which objects may exist without a
 * state entry, so it adopts them instead of creating them again.
 *
 * <p>Only {@link #begin} and {@link #pending} write at once; {@link #end} leaves the removal for the
 * next write or {@link #flush}, because an entry that outlives its operation only makes the next
 * plan adopt an object the state already records. The file is not flushed to the disk: after a
 * power cut the plan still reads every object back by name, so nothing is created twice.
 */
public final class Journal {

    private static final TypeReference<List<JournalEntry>> ENTRIES = new TypeReference<>() {
    };

    private final Path file;
    private final ObjectMapper mapper = Json.mapper();
    private final Map<Address, JournalEntry> entries = new TreeMap<>();
    private boolean dirty;

    Journal(Path file) {
        this.file = file;
        load();
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            List<JournalEntry> read = mapper.readValue(Files.readString(file, StandardCharsets.UTF_8), ENTRIES);
            read.forEach(entry -> entries.put(entry.address(), entry));
        } catch (IOException unreadable) {
            throw new StateException("Cannot read the journal " + file + ": " + unreadable.getMessage()
                    + ". Move the file aside and run plan to see which objects exist.", unreadable);
        }
    }

    public synchronized void begin(Address address, Action action) {
        entries.put(address, new JournalEntry(address, action, Instant.now(), null));
        save();
    }

    /** Records that an operation outlived its time limit, so the next run waits on it again. */
    public synchronized void pending(Address address, Action action, String operationName) {
        entries.put(address, new JournalEntry(address, action, Instant.now(), operationName));
        save();
    }

    public synchronized void end(Address address) {
        if (entries.remove(address) != null) {
            dirty = true;
        }
    }

    /** Writes removals that {@link #end} left for later. */
    public synchronized void flush() {
        if (dirty) {
            save();
        }
    }

    public synchronized Optional<JournalEntry> find(Address address) {
        return Optional.ofNullable(entries.get(address));
    }

    public synchronized List<JournalEntry> entries() {
        return new ArrayList<>(entries.values());
    }

    private void save() {
        try {
            AtomicFiles.write(file, mapper.writeValueAsBytes(new ArrayList<>(entries.values())), false);
            dirty = false;
        } catch (IOException failed) {
            throw new StateException("Cannot write the journal " + file + ": " + failed.getMessage()
                    + ". Check that the state folder is writable and the disk is not full.", failed);
        }
    }
}
