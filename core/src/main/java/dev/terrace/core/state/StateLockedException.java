package dev.terrace.core.state;

/** Another run holds the stack's lock. */
public final class StateLockedException extends StateException {

    private final LockHolder holder;

    public StateLockedException(String stack, LockHolder holder, boolean holderIsGone) {
        super("The state of stack " + stack + " is locked by " + holder + "."
                + (holderIsGone ? " That process no longer runs, so the lock is stale." : "")
                + " Wait for that run to finish; if it is gone, run the command again with --force-unlock.");
        this.holder = holder;
    }

    public LockHolder holder() {
        return holder;
    }
}
