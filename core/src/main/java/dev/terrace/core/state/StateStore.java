package dev.terrace.core.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The state folder of one stack: {@code state.json}, {@code lock.json}, {@code journal.json} and
 * the {@code runs/} event logs, under {@code STATE_DIR/stacks/PROJECT/STACK}.
 */
public final class StateStore {

    private final Path folder;
    private final String stack;
    private final String project;
    private final StateCodec codec = new StateCodec();
    private Journal journal;

    public StateStore(Path stateRoot, String project, String stack) {
        this.folder = stateRoot.resolve("stacks").resolve(project).resolve(stack);
        this.stack = stack;
        this.project = project;
    }

    public Path folder() {
        return folder;
    }

    public Path stateFile() {
        return folder.resolve("state.json");
    }

    public Path runsFolder() {
        return folder.resolve("runs");
    }

    /** Reads the state, or returns an empty one when the stack was never applied. */
    public State load() {
        Path file = stateFile();
        if (!Files.exists(file)) {
            return State.empty(stack, project);
        }
        try {
            return codec.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException unreadable) {
            throw new StateException("Cannot read the state file " + file + ": " + unreadable.getMessage()
                    + ". Restore it from a backup, or move it aside and run plan to adopt what exists.", unreadable);
        }
    }

    public synchronized void save(State state) {
        try {
            AtomicFiles.write(stateFile(), codec.write(state));
        } catch (IOException failed) {
            throw new StateException("Cannot write the state file " + stateFile() + ": " + failed.getMessage()
                    + ". Check that the state folder is writable and the disk is not full.", failed);
        }
    }

    public synchronized Journal journal() {
        if (journal == null) {
            journal = new Journal(folder.resolve("journal.json"));
        }
        return journal;
    }

    /** Takes the stack's lock for a command; see {@link StateLock#acquire}. */
    public StateLock lock(String command, boolean force) {
        return StateLock.acquire(folder.resolve("lock.json"), stack, command, force);
    }
}
