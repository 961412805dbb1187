package dev.terrace.desktop.connect;

/** The kinds of Application Default Credentials the connect dialog tells apart. */
public enum CredentialsKind {
    /** A service account key file named by {@code GOOGLE_APPLICATION_CREDENTIALS}. */
    KEY_FILE,
    /** A workload identity federation {@code external_account} file. */
    FEDERATION_FILE,
    /** gcloud's user credentials, from {@code gcloud auth application-default login}. */
    GCLOUD_USER,
    /** Another file type ADC accepts, such as {@code impersonated_service_account}. */
    OTHER_FILE,
    /** No credentials file: only a machine on Google Cloud could connect, through its attached account. */
    NONE
}
