package dev.terrace.desktop.shell;

/** The views of the main window's centre, in tab order. */
public enum Screen {
    CHAPTER,
    PLAN,
    DEPLOY,
    STATUS,
    LOGS,
    SECRETS,
    COST
}
