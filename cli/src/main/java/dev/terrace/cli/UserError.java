package dev.terrace.cli;

/** A failure the user can fix, with a message that states how. It is printed without a trace. */
final class UserError extends RuntimeException {

    UserError(String message) {
        super(message);
    }
}
