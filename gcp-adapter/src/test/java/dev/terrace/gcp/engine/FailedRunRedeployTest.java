package dev.terrace.gcp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Service;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretName;
import com.google.cloud.secretmanager.v1.SecretVersion;
import dev.terrace.core.Guide;
import dev.terrace.core.GuideExample;
import dev.terrace.core.apply.ApplyOptions;
import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.apply.ResourceOutcome.Status;
import dev.terrace.core.apply.RetryPolicy;
import dev.terrace.core.engine.Engine;
import dev.terrace.core.engine.Validation;
import dev.terrace.core.model.Address;
import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.PlanOptions;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.core.spec.RunServiceSpec;
import dev.terrace.core.stack.Stack;
import dev.terrace.gcp.GcpGateway;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Cloud Run service whose last deploy failed (its secret had no enabled version) plans as an
 * update once the cause is fixed, although its fields match the stack, and the update deploys a
 * new revision that becomes ready.
 */
class FailedRunRedeployTest {

    private static final ApplyOptions FAST_RETRIES = new ApplyOptions(10,
            new RetryPolicy(Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(30)));
    private static final Address WEB = Address.parse("run_service.web");
    private static final String SECRET = "DATABASE_URL";

    @TempDir
    Path stateRoot;

    private GuideSandbox sandbox;
    private GcpGateway gateway;

    @BeforeEach
    void start() {
        sandbox = GuideSandbox.start(Guide.stack(), config -> config.apiPropagationDelay(Duration.ofMillis(100))
                .runRolloutDelay(Duration.ofMillis(200)));
        gateway = sandbox.gateway;
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void failedServiceIsRedeployedOnceFixed() {
        Stack stack = Guide.stack();
        Engine engine = new Engine(gateway, stateRoot, null);
        sandbox.applyAll(engine, stack, FAST_RETRIES);
        setSecretVersions(SECRET, false);
        Stack bigger = stackWith("  run_service.web:\n    memory: 1Gi\n");
        ApplyResult broken = engine.apply(bigger, engine.plan(bigger, only(WEB)), FAST_RETRIES, null);
        assertThat(broken.withStatus(Status.FAILED)).as("failed while the secret has no enabled version")
                .isNotEmpty();
        String failedRevision = service(bigger).getLatestCreatedRevision();
        assertThat(service(bigger).getTerminalCondition().getState()).isEqualTo(Condition.State.CONDITION_FAILED);

        setSecretVersions(SECRET, true);
        Plan fixed = engine.plan(bigger, PlanOptions.defaults());

        ResourceChange web = fixed.changes().stream().filter(change -> change.address().equals(WEB)).findFirst()
                .orElseThrow();
        assertThat(web.action()).isEqualTo(Action.UPDATE);
        assertThat(web.fieldChanges()).as("fields already match the stack").isEmpty();
        assertThat(web.reason()).startsWith("its latest deploy failed (").contains(SECRET);

        ApplyResult applied = engine.apply(bigger, fixed, FAST_RETRIES, null);

        assertThat(applied.withStatus(Status.FAILED)).as("failed after the fix").isEmpty();
        assertThat(service(bigger).getLatestCreatedRevision()).isNotEqualTo(failedRevision);
        assertThat(service(bigger).getLatestReadyRevision()).isEqualTo(service(bigger).getLatestCreatedRevision());
        RunServiceSpec spec = (RunServiceSpec) bigger.find(WEB).orElseThrow().spec();
        assertThat(gateway.status().status(spec).health()).isEqualTo(ResourceStatus.Health.READY);
        assertThat(engine.plan(bigger, PlanOptions.defaults()).hasChanges()).as("changes after the redeploy")
                .isFalse();
    }

    private static Stack stackWith(String resources) {
        String text = GuideExample.text().replace("resources: {}", "resources:\n" + resources);
        return Validation.of("terrace.yaml", text).usableStack().orElseThrow();
    }

    private static PlanOptions only(Address address) {
        return new PlanOptions(PlanOptions.DEFAULT_PARALLELISM, false, address::equals);
    }

    private void setSecretVersions(String secretId, boolean enabled) {
        SecretManagerServiceClient secrets = gateway.clients().secretManager();
        for (SecretVersion version : secrets.listSecretVersions(SecretName.of(gateway.project(), secretId))
                .iterateAll()) {
            if (enabled) {
                secrets.enableSecretVersion(version.getName());
            } else {
                secrets.disableSecretVersion(version.getName());
            }
        }
    }

    private Service service(Stack stack) {
        RunServiceSpec spec = (RunServiceSpec) stack.find(WEB).orElseThrow().spec();
        return gateway.clients().runServices().getService("projects/" + gateway.project() + "/locations/"
                + spec.location() + "/services/" + spec.name());
    }
}
