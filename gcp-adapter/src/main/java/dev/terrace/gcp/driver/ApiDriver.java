package dev.terrace.gcp.driver;

import com.google.api.serviceusage.v1.DisableServiceRequest;
import com.google.api.serviceusage.v1.EnableServiceRequest;
import com.google.api.serviceusage.v1.GetServiceRequest;
import com.google.api.serviceusage.v1.Service;
import com.google.api.serviceusage.v1.ServiceUsageClient;
import com.google.api.serviceusage.v1.State;
import com.google.longrunning.Operation;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.port.Observed;
import dev.terrace.core.spec.ApiSpec;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Enables and disables APIs through Service Usage; each change is a long-running operation. */
final class ApiDriver implements Driver<ApiSpec> {

    static final String SERVICE_USAGE = "serviceusage.googleapis.com";
    private static final Logger LOG = LoggerFactory.getLogger(ApiDriver.class);

    private final DriverContext context;

    ApiDriver(DriverContext context) {
        this.context = context;
    }

    @Override
    public Optional<Observed<ApiSpec>> read(ApiSpec spec) {
        ServiceUsageClient client = context.clients().serviceUsage();
        Service service = Calls.call("read API " + spec.service(), () -> client.getService(
                GetServiceRequest.newBuilder().setName(name(spec)).build()));
        return service.getState() == State.ENABLED ? Optional.of(Observed.of(spec)) : Optional.empty();
    }

    @Override
    public Observed<ApiSpec> create(ApiSpec spec) {
        ServiceUsageClient client = context.clients().serviceUsage();
        String action = "enable API " + spec.service();
        Operation started = Calls.call(action, () -> client.enableServiceCallable().call(
                EnableServiceRequest.newBuilder().setName(name(spec)).build()));
        context.waiter().await(action, client.getOperationsClient(), started, null);
        context.enablements().enabled(spec.service());
        return Observed.of(spec);
    }

    @Override
    public Observed<ApiSpec> update(ApiSpec desired, Observed<ApiSpec> current) {
        // An API has no field besides its name, which a change replaces.
        return current;
    }

    @Override
    public void delete(ApiSpec spec) {
        if (SERVICE_USAGE.equals(spec.service())) {
            // NOTE: Service Usage stays on. Every enable and disable goes through it, so turning it off
            // would fail the rest of a destroy and leave the project unmanageable from Terrace.
            LOG.warn("Keeping {} enabled on project {}: it is needed to enable or disable any API",
                    spec.service(), context.project());
            return;
        }
        if (read(spec).isEmpty()) {
            throw new CloudException(ErrorCategory.NOT_FOUND, "API " + spec.service() + " is already disabled.");
        }
        ServiceUsageClient client = context.clients().serviceUsage();
        String action = "disable API " + spec.service();
        Operation started = Calls.call(action, () -> client.disableServiceCallable().call(
                DisableServiceRequest.newBuilder().setName(name(spec)).build()));
        context.waiter().await(action, client.getOperationsClient(), started, null);
    }

    @Override
    public Optional<Observed<ApiSpec>> resume(String operationName, ApiSpec spec) {
        ServiceUsageClient client = context.clients().serviceUsage();
        String action = "enable API " + spec.service();
        Operation operation = context.waiter().lookUp(action, client.getOperationsClient(), operationName);
        context.waiter().await(action, client.getOperationsClient(), operation, null);
        return read(spec);
    }

    private String name(ApiSpec spec) {
        return "projects/" + context.project() + "/services/" + spec.service();
    }
}
