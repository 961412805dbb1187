package dev.terrace.core.state;

/** A state file, lock or journal that cannot be read or written; the message says which and what to do. */
public class StateException extends RuntimeException {

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }

    public StateException(String message) {
        super(message);
    }
}
