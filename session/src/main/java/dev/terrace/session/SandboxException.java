package dev.terrace.session;

/** The sandbox cannot start; the message says why and what to do, in the user's words. */
public final class SandboxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SandboxException(String message) {
        super(message);
    }
}
