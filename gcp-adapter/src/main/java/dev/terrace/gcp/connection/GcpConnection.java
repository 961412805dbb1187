package dev.terrace.gcp.connection;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One project in one region, the endpoints to call and the credentials to call them with. The
 * sandbox form sends no credentials to local endpoints; the Google form loads Application Default
 * Credentials and optionally impersonates a service account.
 */
public final class GcpConnection {

    static final String CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    /** One hour, the longest lifetime an impersonated token may have without an organization policy. */
    private static final int IMPERSONATION_LIFETIME_SECONDS = 3600;
    private static final Logger LOG = LoggerFactory.getLogger(GcpConnection.class);

    private final String project;
    private final String region;
    private final ServiceEndpoints endpoints;
    private final Credentials credentials;
    private final Principal principal;

    private GcpConnection(String project, String region, ServiceEndpoints endpoints, Credentials credentials,
            Principal principal) {
        this.project = requireText(project, "project");
        this.region = requireText(region, "region");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.credentials = credentials;
        this.principal = Objects.requireNonNull(principal, "principal");
    }

    /** Returns a connection to an emulator that serves every API locally, without credentials. */
    public static GcpConnection sandbox(String project, String region, ServiceEndpoints endpoints) {
        if (!endpoints.allEmulated()) {
            throw new IllegalArgumentException("A sandbox connection needs an emulator endpoint for every API, "
                    + "so that no call reaches Google; override the missing ones or use GcpConnection.google");
        }
        return new GcpConnection(project, region, endpoints, null, Principal.none());
    }

    /**
     * Returns a connection to Google Cloud with Application Default Credentials: gcloud's user
     * credentials, the file in {@code GOOGLE_APPLICATION_CREDENTIALS} (a service account key or a
     * workload identity federation {@code external_account} file), or the attached service account.
     *
     * @param impersonate the service account to act as, or null to act as the ADC principal
     * @param quotaProject the project to charge quota to, or null for the one the credentials carry
     */
    public static GcpConnection google(String project, String region, String impersonate, String quotaProject) {
        GoogleCredentials source;
        try {
            source = GoogleCredentials.getApplicationDefault();
        } catch (IOException missing) {
            throw new CloudException(ErrorCategory.PERMISSION_DENIED, "No Application Default Credentials were "
                    + "found (" + missing.getMessage() + "). Run `gcloud auth application-default login`, or set "
                    + "GOOGLE_APPLICATION_CREDENTIALS to a service account key or workload identity federation file.",
                    false, null, null, missing);
        }
        GoogleCredentials credentials = withQuotaProject(scoped(source), quotaProject);
        if (impersonate != null) {
            credentials = impersonate(credentials, impersonate);
        }
        Principal principal = Principal.describe(AdcLocator.ofSystem().locate(), impersonate,
                credentials.getQuotaProjectId());
        LOG.info("Connecting to project {} as {}", project, principal.summary());
        principal.warnings().forEach(warning -> LOG.warn("{}", warning));
        return new GcpConnection(project, region, ServiceEndpoints.google(), credentials, principal);
    }

    /** Returns a connection with given credentials, for tests that must not look for real ones. */
    static GcpConnection withCredentials(String project, String region, ServiceEndpoints endpoints,
            Credentials credentials, Principal principal) {
        return new GcpConnection(project, region, endpoints, credentials, principal);
    }

    /** Returns a connection with other endpoints, such as one API served by a local emulator. */
    public GcpConnection withEndpoints(ServiceEndpoints newEndpoints) {
        return new GcpConnection(project, region, newEndpoints, credentials, principal);
    }

    static GoogleCredentials scoped(GoogleCredentials credentials) {
        return credentials.createScopedRequired() ? credentials.createScoped(List.of(CLOUD_PLATFORM_SCOPE))
                : credentials;
    }

    static GoogleCredentials withQuotaProject(GoogleCredentials credentials, String quotaProject) {
        return quotaProject == null ? credentials : credentials.createWithQuotaProject(quotaProject);
    }

    /**
     * Wraps the source credentials so that every call acts as {@code email}. Nothing is sent until
     * the first call, which needs {@code iam.serviceAccounts.getAccessToken} on the account.
     */
    static ImpersonatedCredentials impersonate(GoogleCredentials source, String email) {
        return ImpersonatedCredentials.newBuilder()
                .setSourceCredentials(source)
                .setTargetPrincipal(email)
                .setScopes(List.of(CLOUD_PLATFORM_SCOPE))
                .setLifetime(IMPERSONATION_LIFETIME_SECONDS)
                .setQuotaProjectId(source.getQuotaProjectId())
                .build();
    }

    public String project() {
        return project;
    }

    public String region() {
        return region;
    }

    public ServiceEndpoints endpoints() {
        return endpoints;
    }

    public Principal principal() {
        return principal;
    }

    /** Returns the project charged for quota, or null when the credentials name none. */
    public String quotaProject() {
        return principal.quotaProject();
    }

    /** Returns the credentials for an API: none for an emulated one. */
    CredentialsProvider credentialsFor(GcpService service) {
        if (endpoints.isEmulated(service) || credentials == null) {
            return NoCredentialsProvider.create();
        }
        return FixedCredentialsProvider.create(credentials);
    }

    Credentials credentials() {
        return credentials;
    }

    /** Returns whether this connection reaches no Google endpoint at all. */
    public boolean isSandbox() {
        return credentials == null;
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The connection's " + field + " is missing; set it with --" + field);
        }
        return value;
    }
}
