package dev.terrace.gcp;

import com.google.api.serviceusage.v1.ListServicesRequest;
import com.google.api.serviceusage.v1.ListServicesResponse;
import com.google.api.serviceusage.v1.Service;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.port.ImageRegistry;
import dev.terrace.core.port.JobRuns;
import dev.terrace.core.port.LogSource;
import dev.terrace.core.port.SecretValues;
import dev.terrace.core.port.StatusSource;
import dev.terrace.core.spec.Spec;
import dev.terrace.gcp.connection.ClientFactory;
import dev.terrace.gcp.connection.GcpConnection;
import dev.terrace.gcp.connection.ServiceEndpoints;
import dev.terrace.gcp.driver.ApiEnablements;
import dev.terrace.gcp.driver.DriverContext;
import dev.terrace.gcp.driver.Drivers;
import dev.terrace.gcp.driver.ReadRetry;
import dev.terrace.gcp.error.ErrorTranslator;
import dev.terrace.gcp.ports.GcpImages;
import dev.terrace.gcp.ports.GcpJobRuns;
import dev.terrace.gcp.ports.GcpLogs;
import dev.terrace.gcp.ports.GcpSecretValues;
import dev.terrace.gcp.ports.GcpStatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gateway to one Google Cloud project, real or emulated, through the official clients.
 * Build it with {@link #sandbox} for an emulator or {@link #google} for a real project.
 */
public final class GcpGateway implements Gateway {

    /** The largest page Service Usage returns, so that one call lists every enabled API. */
    private static final int SERVICES_PAGE_SIZE = 200;

    private final GcpConnection connection;
    private final ClientFactory clients;
    private final DriverContext context;
    private final Map<ResourceKind, Driver<?>> drivers = new EnumMap<>(ResourceKind.class);

    public GcpGateway(GcpConnection connection, GcpGatewayOptions options) {
        this.connection = connection;
        this.clients = new ClientFactory(connection);
        this.context = new DriverContext(clients, options, new ApiEnablements(options.apiPropagationWindow()));
    }

    /**
     * Returns a gateway on an emulator that serves every gRPC API on {@code grpcTarget} and Cloud
     * Storage on {@code storageHost}, with no credentials.
     */
    public static GcpGateway sandbox(String project, String region, String grpcTarget, String storageHost) {
        return new GcpGateway(GcpConnection.sandbox(project, region, ServiceEndpoints.emulator(grpcTarget,
                storageHost)), GcpGatewayOptions.sandbox());
    }

    /**
     * Returns a gateway on a real project with Application Default Credentials.
     *
     * @param impersonate the service account to act as ({@code --impersonate}), or null
     */
    public static GcpGateway google(String project, String region, String impersonate) {
        return new GcpGateway(GcpConnection.google(project, region, impersonate, null), GcpGatewayOptions.defaults());
    }

    public GcpConnection connection() {
        return connection;
    }

    /** Returns the clients this gateway calls through, for checks that need more than the ports. */
    public ClientFactory clients() {
        return clients;
    }

    @Override
    public String project() {
        return connection.project();
    }

    @Override
    public Set<String> enabledServices() {
        return ReadRetry.call("list the enabled APIs of project " + connection.project(), this::listEnabledServices);
    }

    private Set<String> listEnabledServices() {
        ListServicesRequest request = ListServicesRequest.newBuilder()
                .setParent("projects/" + connection.project())
                .setFilter("state:ENABLED")
                .setPageSize(SERVICES_PAGE_SIZE)
                .build();
        try {
            Set<String> enabled = new TreeSet<>();
            ListServicesResponse page = clients.serviceUsage().listServicesCallable().call(request);
            page.getServicesList().forEach(service -> enabled.add(serviceName(service)));
            while (!page.getNextPageToken().isEmpty()) {
                String token = page.getNextPageToken();
                page = clients.serviceUsage().listServicesCallable().call(request.toBuilder().setPageToken(token)
                        .build());
                page.getServicesList().forEach(service -> enabled.add(serviceName(service)));
            }
            return enabled;
        } catch (RuntimeException failed) {
            throw ErrorTranslator.translate("list the enabled APIs of project " + connection.project(), failed);
        }
    }

    /** Returns the API's name, such as {@code run.googleapis.com}, from {@code projects/N/services/NAME}. */
    private static String serviceName(Service service) {
        String name = service.getName();
        return name.substring(name.lastIndexOf('/') + 1);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <S extends Spec> Driver<S> driver(ResourceKind kind) {
        return (Driver<S>) drivers.computeIfAbsent(kind, key -> Drivers.of(key, context));
    }

    @Override
    public SecretValues secretValues() {
        return new GcpSecretValues(clients.secretManager(), connection.project());
    }

    @Override
    public StatusSource status() {
        return new GcpStatus(clients, this);
    }

    @Override
    public JobRuns jobRuns() {
        return new GcpJobRuns(clients.runJobs(), connection.project());
    }

    @Override
    public ImageRegistry images() {
        return new GcpImages(clients.artifactRegistry(), connection.project());
    }

    @Override
    public LogSource logs() {
        return new GcpLogs(clients.logging(), connection.project());
    }

    @Override
    public String describe() {
        if (connection.isSandbox()) {
            return "the sandbox project " + connection.project();
        }
        return "Google Cloud project " + connection.project() + " as " + connection.principal().summary();
    }

    @Override
    public void close() {
        clients.close();
    }
}
