package dev.terrace.cli;

/** The kind of cloud a command talks to. */
enum GatewayKind {
    /** The gcp-emulator started in-process, the default when no Google Cloud project is chosen. */
    SANDBOX,
    /** A real Google Cloud project. */
    GOOGLE,
    /** A fake cloud kept in a file under the state folder, for trying the engine and for benchmarks. */
    MEMORY
}
