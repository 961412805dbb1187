package dev.terrace.gcp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.apply.ApplyOptions;
import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.apply.ResourceOutcome.Status;
import dev.terrace.core.engine.Engine;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.PlanOptions;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.core.stack.Stack;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.gcp.GcpGateway;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.UnaryOperator;

/** An emulator on the guide stack's project and region, with a sandbox gateway to it, for engine tests. */
final class GuideSandbox implements AutoCloseable {

    /** Cloud Run needs the image, and the image needs the repository, so these wait for the push. */
    static final Set<ResourceKind> NEED_IMAGE = Set.of(ResourceKind.RUN_SERVICE, ResourceKind.RUN_JOB,
            ResourceKind.SCHEDULER_JOB);

    final Emulator emulator;
    final GcpGateway gateway;

    private GuideSandbox(Emulator emulator, GcpGateway gateway) {
        this.emulator = emulator;
        this.gateway = gateway;
    }

    static GuideSandbox start(Stack stack, UnaryOperator<EmulatorConfig.Builder> configure) {
        Emulator emulator = Emulator.start(configure.apply(EmulatorConfig.builder()
                .projectId(stack.settings().project())
                .region(stack.settings().region())).build());
        return new GuideSandbox(emulator, GcpGateway.sandbox(stack.settings().project(), stack.settings().region(),
                emulator.endpoints().grpcTarget(), emulator.endpoints().storageHost()));
    }

    /**
     * Applies what the stack needs before its image exists, then adds a value to every secret,
     * pushes the image, and applies the rest, asserting that nothing failed.
     */
    void applyAll(Engine engine, Stack stack, ApplyOptions options) {
        PlanOptions infrastructure = new PlanOptions(PlanOptions.DEFAULT_PARALLELISM, false,
                address -> !NEED_IMAGE.contains(address.kind()));
        ApplyResult first = engine.apply(stack, engine.plan(stack, infrastructure), options, null);
        assertThat(first.withStatus(Status.FAILED)).as("failed in the infrastructure apply").isEmpty();
        addSecretValues(stack);
        emulator.publishImage(stack.settings().repositoryId(), stack.settings().imageName(),
                stack.settings().imageTag());
        ApplyResult second = engine.apply(stack, engine.plan(stack, PlanOptions.defaults()), options, null);
        assertThat(second.withStatus(Status.FAILED)).as("failed in the full apply").isEmpty();
    }

    void addSecretValues(Stack stack) {
        for (Resource resource : stack.all()) {
            if (resource.spec() instanceof SecretSpec secret) {
                gateway.secretValues().add(secret.secretId(), "value".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Override
    public void close() {
        gateway.close();
        emulator.close();
    }
}
