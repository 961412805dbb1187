package dev.terrace.core.diag;

/** How bad a diagnostic is: errors block apply, warnings do not. */
public enum Severity {
    ERROR,
    WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
