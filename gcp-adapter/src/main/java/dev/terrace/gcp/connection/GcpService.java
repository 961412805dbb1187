package dev.terrace.gcp.connection;

/**
 * The Google Cloud APIs the adapter calls, each with its default endpoint. Every API the stack
 * uses serves all regions from one global endpoint for the calls Terrace makes, so none of the
 * defaults is regional. Regional endpoints exist only for features Terrace does not use, such as
 * regional secrets ({@code secretmanager.LOCATION.rep.googleapis.com}).
 */
public enum GcpService {
    SERVICE_USAGE("serviceusage.googleapis.com:443"),
    RESOURCE_MANAGER("cloudresourcemanager.googleapis.com:443"),
    IAM("iam.googleapis.com:443"),
    ARTIFACT_REGISTRY("artifactregistry.googleapis.com:443"),
    SECRET_MANAGER("secretmanager.googleapis.com:443"),
    RUN("run.googleapis.com:443"),
    TASKS("cloudtasks.googleapis.com:443"),
    SCHEDULER("cloudscheduler.googleapis.com:443"),
    LOGGING("logging.googleapis.com:443"),
    ORG_POLICY("orgpolicy.googleapis.com:443"),
    /** The Cloud Storage JSON API over HTTPS; its endpoint is a URL rather than host:port. */
    STORAGE("https://storage.googleapis.com"),
    /**
     * The Cloud Run Admin API v1 over HTTPS, called only to list Cloud Run's regions, which the v2
     * API does not list. Its endpoint is a URL.
     */
    RUN_REST("https://run.googleapis.com");

    private final String defaultEndpoint;

    GcpService(String defaultEndpoint) {
        this.defaultEndpoint = defaultEndpoint;
    }

    public String defaultEndpoint() {
        return defaultEndpoint;
    }

    /** Returns the host of the default endpoint, such as {@code cloudtasks.googleapis.com}. */
    public String host() {
        return defaultEndpoint.replaceFirst("^https://", "").replaceFirst(":\\d+$", "");
    }
}
