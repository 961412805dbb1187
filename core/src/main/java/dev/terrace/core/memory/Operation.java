package dev.terrace.core.memory;

/** The calls the in-memory gateway can delay or fail. */
public enum Operation {
    ENABLED_SERVICES,
    READ,
    CREATE,
    UPDATE,
    DELETE,
    RUN_JOB
}
