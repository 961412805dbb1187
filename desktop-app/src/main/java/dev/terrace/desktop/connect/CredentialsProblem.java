package dev.terrace.desktop.connect;

/** What stops the detected credentials from working before any call is made. */
public enum CredentialsProblem {
    /** {@code GOOGLE_APPLICATION_CREDENTIALS} names a file that does not exist. */
    FILE_MISSING,
    /** The credentials file cannot be read or is not a JSON credentials file. */
    FILE_UNREADABLE,
    /** No file was found; off Google Cloud this means there are no credentials. */
    NO_FILE
}
