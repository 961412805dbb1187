package dev.terrace.gcp.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.Driver;
import dev.terrace.core.spec.ApiSpec;
import dev.terrace.core.spec.ProjectIamMemberSpec;
import dev.terrace.core.spec.ServiceAccountSpec;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.gcp.GcpGateway;
import io.grpc.Status.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Parallel grants on the project's policy must all land, also when a write meets a stale etag. */
class ProjectPolicyConcurrencyTest {

    private static final String PROJECT = "policy-project";
    private static final List<String> ROLES = List.of("roles/secretmanager.secretAccessor",
            "roles/storage.objectAdmin", "roles/cloudtasks.admin", "roles/run.invoker");

    private Emulator emulator;
    private GcpGateway gateway;

    @BeforeEach
    void start() {
        emulator = Emulator.start(EmulatorConfig.builder().projectId(PROJECT).build());
        gateway = GcpGateway.sandbox(PROJECT, "southamerica-east1", emulator.endpoints().grpcTarget(),
                emulator.endpoints().storageHost());
    }

    @AfterEach
    void stop() {
        gateway.close();
        emulator.close();
    }

    @Test
    void parallelGrantsAllLand() throws Exception {
        gateway.driver(ResourceKind.API).create(new ApiSpec("iam.googleapis.com"));
        gateway.driver(ResourceKind.API).create(new ApiSpec("cloudresourcemanager.googleapis.com"));
        List<ProjectIamMemberSpec> grants = new ArrayList<>();
        for (String accountId : List.of("app-run", "app-worker", "app-deployer")) {
            ServiceAccountSpec account = new ServiceAccountSpec(accountId, accountId, null);
            gateway.driver(ResourceKind.SERVICE_ACCOUNT).create(account);
            ROLES.forEach(role -> grants.add(new ProjectIamMemberSpec(role, "serviceAccount:" + account.email(PROJECT))));
        }
        emulator.faults().failNext("google.cloud.resourcemanager.v3.Projects/SetIamPolicy", 2, Code.ABORTED);
        Driver<ProjectIamMemberSpec> driver = gateway.driver(ResourceKind.PROJECT_IAM_MEMBER);

        ExecutorService pool = Executors.newFixedThreadPool(grants.size());
        try {
            List<Future<?>> calls = new ArrayList<>();
            grants.forEach(grant -> calls.add(pool.submit(() -> driver.create(grant))));
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }

        for (ProjectIamMemberSpec grant : grants) {
            assertThat(driver.read(grant)).as("%s", grant.identity()).isPresent();
        }
        assertThat(emulator.requestLog().records("google.cloud.resourcemanager.v3.Projects/SetIamPolicy"))
                .as("policy writes for %d grants", grants.size()).hasSizeLessThan(grants.size());
    }
}
