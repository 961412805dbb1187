package dev.terrace.core.state;

import java.time.Instant;

/** The holder of a stack's lock: enough for a person to find the process or decide it is gone. */
public record LockHolder(long pid, String host, String user, String command, Instant acquiredAt) {

    /** Returns whether the holder runs on this host and its process no longer exists. */
    public boolean isDeadOnThisHost(String thisHost) {
        return host.equals(thisHost) && ProcessHandle.of(pid).isEmpty();
    }

    @Override
    public String toString() {
        return "process " + pid + " (" + command + ") of " + user + " on " + host + " since " + acquiredAt;
    }
}
