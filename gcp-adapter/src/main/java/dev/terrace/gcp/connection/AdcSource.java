package dev.terrace.gcp.connection;

/** The sources of Application Default Credentials, in the order ADC searches them. */
public enum AdcSource {
    /** The file named by {@code GOOGLE_APPLICATION_CREDENTIALS}: a key, federation or user file. */
    ENVIRONMENT_FILE,
    /** The file {@code gcloud auth application-default login} writes. */
    GCLOUD_FILE,
    /** No file: the service account attached to the machine, through the metadata server. */
    METADATA_SERVER,
    /** An emulator: no credentials at all. */
    NONE
}
