package dev.terrace.cli;

/** Exit codes, as Terraform uses them so that scripts can switch from one to the other. */
final class ExitCodes {

    static final int OK = 0;
    static final int ERROR = 1;
    /** Only with {@code plan --detailed-exitcode}: the plan has changes. */
    static final int CHANGES = 2;

    private ExitCodes() {
    }
}
