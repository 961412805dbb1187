package dev.terrace.desktop.model;

/** How one resource stands, as a chapter badge and the status dashboard summarise it. */
public enum ResourceCondition {
    /** It exists and matches the stack. */
    IN_PLACE,
    /** It exists but differs from the stack: the plan updates or replaces it. */
    DRIFT,
    /** It does not exist yet: the plan creates it. */
    MISSING,
    /** Its last apply failed, its status is failed, or a diagnostic blocks it. */
    ERROR,
    /** Not planned or read yet. */
    UNKNOWN
}
