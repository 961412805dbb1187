package dev.terrace.core.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.core.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The lock file of one stack, held for the length of an apply or destroy. It is created with
 * create-new semantics, so two runs cannot both take it; it names its holder so that a refused
 * run can say who holds it.
 */
public final class StateLock implements AutoCloseable {

    private final Path file;
    private final LockHolder holder;

    private StateLock(Path file, LockHolder holder) {
        this.file = file;
        this.holder = holder;
    }

    /**
     * Takes the lock, or raises {@link StateLockedException} naming the holder.
     *
     * @param force remove an existing lock first; for a lock whose holder is known to be gone
     */
    static StateLock acquire(Path file, String stack, String command, boolean force) {
        ObjectMapper mapper = Json.mapper();
        LockHolder me = new LockHolder(ProcessHandle.current().pid(), hostName(),
                System.getProperty("user.name", "unknown"), command, Instant.now());
        try {
            Files.createDirectories(file.getParent());
            if (force) {
                Files.deleteIfExists(file);
            }
            Files.write(file, mapper.writeValueAsBytes(me), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new StateLock(file, me);
        } catch (FileAlreadyExistsException held) {
            LockHolder other = readHolder(file, mapper);
            throw new StateLockedException(stack, other, other.isDeadOnThisHost(me.host()));
        } catch (IOException failed) {
            throw new StateException("Cannot create the lock file " + file + ": " + failed.getMessage()
                    + ". Check that the state folder is writable.", failed);
        }
    }

    private static LockHolder readHolder(Path file, ObjectMapper mapper) {
        try {
            return mapper.readValue(Files.readString(file, StandardCharsets.UTF_8), LockHolder.class);
        } catch (IOException unreadable) {
            // A lock file another process has created but not yet written reads as empty.
            return new LockHolder(-1, "unknown host", "unknown", "unknown", Instant.EPOCH);
        }
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException unknown) {
            return "localhost";
        }
    }

    public LockHolder holder() {
        return holder;
    }

    /** Releases the lock if this process still holds it. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException failed) {
            throw new StateException("Cannot remove the lock file " + file + ": " + failed.getMessage()
                    + ". Delete it by hand once no Terrace run is active.", failed);
        }
    }
}
