package dev.terrace.desktop.deploy;

/** The steps of a deploy, in the order they run. */
public enum DeployPhase {
    IDLE,
    PREFLIGHT,
    REVIEW,
    APPLYING,
    RUNNING_JOBS,
    HEALTH_CHECK,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** Returns whether the deploy is between its start and its end. */
    public boolean running() {
        return this == PREFLIGHT || this == APPLYING || this == RUNNING_JOBS || this == HEALTH_CHECK;
    }
}
