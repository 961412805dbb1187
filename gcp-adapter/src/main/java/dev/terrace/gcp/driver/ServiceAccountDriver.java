package dev.terrace.gcp.driver;

import com.google.cloud.iam.admin.v1.IAMClient;
import com.google.iam.admin.v1.CreateServiceAccountRequest;
import com.google.iam.admin.v1.DeleteServiceAccountRequest;
import com.google.iam.admin.v1.GetServiceAccountRequest;
import com.google.iam.admin.v1.PatchServiceAccountRequest;
import com.google.iam.admin.v1.ServiceAccount;
import com.google.protobuf.FieldMask;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.port.Observed;
import dev.terrace.core.spec.ServiceAccountSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IAM service accounts. A create returns only once several reads in a row find the new account,
 * because IAM is eventually consistent and a binding to an account it cannot see yet fails.
 */
final class ServiceAccountDriver implements Driver<ServiceAccountSpec> {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceAccountDriver.class);

    private final DriverContext context;

    ServiceAccountDriver(DriverContext context) {
        this.context = context;
    }

    @Override
    public Optional<Observed<ServiceAccountSpec>> read(ServiceAccountSpec spec) {
        IAMClient client = context.clients().iam();
        return Calls.find("read service account " + spec.accountId(), () -> client.getServiceAccount(
                GetServiceAccountRequest.newBuilder().setName(name(spec)).build())).map(account -> observed(spec,
                account));
    }

    @Override
    public Observed<ServiceAccountSpec> create(ServiceAccountSpec spec) {
        IAMClient client = context.clients().iam();
        ServiceAccount created = Calls.call("create service account " + spec.accountId(), () ->
                client.createServiceAccount(CreateServiceAccountRequest.newBuilder()
                        .setName("projects/" + context.project())
                        .setAccountId(spec.accountId())
                        .setServiceAccount(account(spec))
                        .build()));
        awaitVisible(spec);
        return observed(spec, created);
    }

    @Override
    public Observed<ServiceAccountSpec> update(ServiceAccountSpec desired, Observed<ServiceAccountSpec> current) {
        IAMClient client = context.clients().iam();
        ServiceAccount patched = Calls.call("update service account " + desired.accountId(), () ->
                client.patchServiceAccount(PatchServiceAccountRequest.newBuilder()
                        .setServiceAccount(account(desired).toBuilder().setName(name(desired)))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("display_name").addPaths("description"))
                        .build()));
        return observed(desired, patched);
    }

    @Override
    public void delete(ServiceAccountSpec spec) {
        IAMClient client = context.clients().iam();
        Calls.run("delete service account " + spec.accountId(), () -> client.deleteServiceAccount(
                DeleteServiceAccountRequest.newBuilder().setName(name(spec)).build()));
    }

    /** Waits until the configured number of reads in a row find the account. */
    void awaitVisible(ServiceAccountSpec spec) {
        int needed = context.options().accountVisibleReads();
        Instant deadline = Instant.now().plus(context.options().operationTimeLimit());
        Duration interval = context.options().pollInterval();
        int good = 0;
        while (good < needed) {
            good = visible(spec) ? good + 1 : 0;
            if (good >= needed) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new CloudException(ErrorCategory.DEADLINE, "Service account " + spec.email(context.project())
                        + " was created but is still not visible after " + context.options().operationTimeLimit()
                        .toSeconds() + " s. Run the apply again; it reads the account before it binds it.");
            }
            LOG.debug("Service account {} seen {} of {} times", spec.accountId(), good, needed);
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new CloudException(ErrorCategory.DEADLINE, "Interrupted while waiting for service account "
                        + spec.accountId() + " to become visible.", true, null, null, interrupted);
            }
        }
    }

    /** Returns whether a read finds the account; IAM returns PERMISSION_DENIED until it is visible. */
    private boolean visible(ServiceAccountSpec spec) {
        try {
            return read(spec).isPresent();
        } catch (CloudException failed) {
            if (failed.category() == ErrorCategory.PERMISSION_DENIED) {
                return false;
            }
            throw failed;
        }
    }

    private String name(ServiceAccountSpec spec) {
        return "projects/" + context.project() + "/serviceAccounts/" + spec.email(context.project());
    }

    private static ServiceAccount account(ServiceAccountSpec spec) {
        return ServiceAccount.newBuilder()
                .setDisplayName(spec.displayName() == null ? "" : spec.displayName())
                .setDescription(spec.description() == null ? "" : spec.description())
                .build();
    }

    private static Observed<ServiceAccountSpec> observed(ServiceAccountSpec spec, ServiceAccount account) {
        ServiceAccountSpec read = new ServiceAccountSpec(spec.accountId(), emptyToNull(account.getDisplayName()),
                emptyToNull(account.getDescription()));
        return new Observed<>(read, Map.of("email", account.getEmail(), "unique_id", account.getUniqueId()));
    }

    static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
