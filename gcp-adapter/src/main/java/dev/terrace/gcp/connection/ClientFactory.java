package dev.terrace.gcp.connection;

import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.gax.core.BackgroundResource;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.rpc.ClientSettings;
import com.google.api.serviceusage.v1.ServiceUsageClient;
import com.google.api.serviceusage.v1.ServiceUsageSettings;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.cloud.NoCredentials;
import com.google.cloud.iam.admin.v1.IAMClient;
import com.google.cloud.iam.admin.v1.IAMSettings;
import com.google.cloud.logging.v2.LoggingClient;
import com.google.cloud.logging.v2.LoggingSettings;
import com.google.cloud.orgpolicy.v2.OrgPolicyClient;
import com.google.cloud.orgpolicy.v2.OrgPolicySettings;
import com.google.cloud.resourcemanager.v3.ProjectsClient;
import com.google.cloud.resourcemanager.v3.ProjectsSettings;
import com.google.cloud.run.v2.ExecutionsClient;
import com.google.cloud.run.v2.ExecutionsSettings;
import com.google.cloud.run.v2.JobsClient;
import com.google.cloud.run.v2.JobsSettings;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.ServicesSettings;
import com.google.cloud.scheduler.v1.CloudSchedulerClient;
import com.google.cloud.scheduler.v1.CloudSchedulerSettings;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.CloudTasksSettings;
import com.google.devtools.artifactregistry.v1.ArtifactRegistryClient;
import com.google.devtools.artifactregistry.v1.ArtifactRegistrySettings;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the clients' settings are built: endpoint, transport, credentials and
 * quota project. Each client is made on first use and shared by every driver, because a client
 * owns a channel and threads. {@link #close()} shuts them all down.
 */
public final class ClientFactory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientFactory.class);

    private final GcpConnection connection;
    private final ConcurrentMap<Class<?>, Object> clients = new ConcurrentHashMap<>();

    public ClientFactory(GcpConnection connection) {
        this.connection = connection;
    }

    public GcpConnection connection() {
        return connection;
    }

    public ServiceUsageClient serviceUsage() {
        return client(ServiceUsageClient.class, () -> ServiceUsageClient.create(
                configure(ServiceUsageSettings.newBuilder(), GcpService.SERVICE_USAGE).build()));
    }

    public ProjectsClient projects() {
        return client(ProjectsClient.class, () -> ProjectsClient.create(
                configure(ProjectsSettings.newBuilder(), GcpService.RESOURCE_MANAGER).build()));
    }

    public IAMClient iam() {
        return client(IAMClient.class, () -> IAMClient.create(
                configure(IAMSettings.newBuilder(), GcpService.IAM).build()));
    }

    public ArtifactRegistryClient artifactRegistry() {
        return client(ArtifactRegistryClient.class, () -> ArtifactRegistryClient.create(
                configure(ArtifactRegistrySettings.newBuilder(), GcpService.ARTIFACT_REGISTRY).build()));
    }

    public SecretManagerServiceClient secretManager() {
        return client(SecretManagerServiceClient.class, () -> SecretManagerServiceClient.create(
                configure(SecretManagerServiceSettings.newBuilder(), GcpService.SECRET_MANAGER).build()));
    }

    public ServicesClient runServices() {
        return client(ServicesClient.class, () -> ServicesClient.create(
                configure(ServicesSettings.newBuilder(), GcpService.RUN).build()));
    }

    public JobsClient runJobs() {
        return client(JobsClient.class, () -> JobsClient.create(
                configure(JobsSettings.newBuilder(), GcpService.RUN).build()));
    }

    public ExecutionsClient runExecutions() {
        return client(ExecutionsClient.class, () -> ExecutionsClient.create(
                configure(ExecutionsSettings.newBuilder(), GcpService.RUN).build()));
    }

    public CloudTasksClient tasks() {
        return client(CloudTasksClient.class, () -> CloudTasksClient.create(
                configure(CloudTasksSettings.newBuilder(), GcpService.TASKS).build()));
    }

    public CloudSchedulerClient scheduler() {
        return client(CloudSchedulerClient.class, () -> CloudSchedulerClient.create(
                configure(CloudSchedulerSettings.newBuilder(), GcpService.SCHEDULER).build()));
    }

    public LoggingClient logging() {
        return client(LoggingClient.class, () -> LoggingClient.create(
                configure(LoggingSettings.newBuilder(), GcpService.LOGGING).build()));
    }

    public OrgPolicyClient orgPolicy() {
        return client(OrgPolicyClient.class, () -> OrgPolicyClient.create(
                configure(OrgPolicySettings.newBuilder(), GcpService.ORG_POLICY).build()));
    }

    /** Returns the Cloud Storage JSON API client, which speaks HTTP rather than gRPC. */
    public Storage storage() {
        return client(Storage.class, () -> {
            StorageOptions.Builder options = StorageOptions.newBuilder()
                    .setProjectId(connection.project())
                    .setHost(connection.endpoints().endpoint(GcpService.STORAGE));
            if (connection.endpoints().isEmulated(GcpService.STORAGE) || connection.credentials() == null) {
                options.setCredentials(NoCredentials.getInstance());
            } else {
                options.setCredentials(connection.credentials());
                if (connection.quotaProject() != null) {
                    options.setQuotaProjectId(connection.quotaProject());
                }
            }
            return options.build().getService();
        });
    }

    /**
     * Returns a factory for plain HTTP requests to the Cloud Run Admin API v1, which has no Java
     * client, with the connection's credentials, or none when it is emulated.
     */
    public HttpRequestFactory runRest() {
        return client(HttpRequestFactory.class, () -> {
            NetHttpTransport transport = new NetHttpTransport();
            if (connection.endpoints().isEmulated(GcpService.RUN_REST) || connection.credentials() == null) {
                return transport.createRequestFactory();
            }
            return transport.createRequestFactory(new HttpCredentialsAdapter(connection.credentials()));
        });
    }

    /**
     * Applies the connection to one gRPC client's settings. An emulated API gets a plaintext
     * channel to its local endpoint and no credentials. Its calls carry the API's real host as
     * their authority, because the emulator serves every API on one port and distinguishes the products'
     * ListLocations calls by that host. A Google API keeps the client's default TLS
     * transport and gets the connection's credentials and quota project.
     */
    <S extends ClientSettings<S>, B extends ClientSettings.Builder<S, B>> B configure(B builder,
            GcpService service) {
        String endpoint = connection.endpoints().endpoint(service);
        builder.setEndpoint(endpoint);
        builder.setCredentialsProvider(connection.credentialsFor(service));
        if (connection.endpoints().isEmulated(service)) {
            builder.setTransportChannelProvider(InstantiatingGrpcChannelProvider.newBuilder()
                    .setEndpoint(endpoint)
                    .setChannelConfigurator(channel -> channel.usePlaintext().overrideAuthority(service.host()))
                    .build());
        } else if (connection.quotaProject() != null) {
            builder.setQuotaProjectId(connection.quotaProject());
        }
        return builder;
    }

    @SuppressWarnings("unchecked")
    private <T> T client(Class<T> type, ClientMaker<T> maker) {
        return (T) clients.computeIfAbsent(type, key -> {
            try {
                LOG.debug("Creating {} for {}", type.getSimpleName(), connection.project());
                return maker.make();
            } catch (IOException failed) {
                throw new CloudException(ErrorCategory.UNAVAILABLE, "Could not create the " + type.getSimpleName()
                        + " client: " + failed.getMessage() + ". Check the network and the endpoint settings.",
                        true, null, null, failed);
            }
        });
    }

    @Override
    public void close() {
        List<Exception> failures = new ArrayList<>();
        for (Object client : clients.values()) {
            try {
                if (client instanceof BackgroundResource resource) {
                    resource.shutdown();
                } else if (client instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            } catch (Exception failed) {
                failures.add(failed);
            }
        }
        clients.clear();
        failures.forEach(failure -> LOG.warn("Closing a client failed: {}", failure.toString()));
    }

    @FunctionalInterface
    private interface ClientMaker<T> {
        T make() throws IOException;
    }
}
