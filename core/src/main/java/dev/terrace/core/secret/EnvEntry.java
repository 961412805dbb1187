package dev.terrace.core.secret;

/** One {@code NAME=value} line of a {@code .env} file; {@link #wipe()} clears the value. */
final class EnvEntry {

    private final String name;
    private final int line;
    private final byte[] value;

    EnvEntry(String name, int line, byte[] value) {
        this.name = name;
        this.line = line;
        this.value = value;
    }

    String name() {
        return name;
    }

    int line() {
        return line;
    }

    /** Returns the value as UTF-8, not a copy; it stays valid until {@link #wipe()}. */
    byte[] value() {
        return value;
    }

    void wipe() {
        SecretBytes.wipe(value);
    }
}
