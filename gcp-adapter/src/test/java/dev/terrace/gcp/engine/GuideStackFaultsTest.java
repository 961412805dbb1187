package dev.terrace.gcp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.apply.ApplyOptions;
import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.apply.ResourceOutcome;
import dev.terrace.core.apply.ResourceOutcome.Status;
import dev.terrace.core.apply.RetryPolicy;
import dev.terrace.core.apply.CancelToken;
import dev.terrace.core.engine.Engine;
import dev.terrace.core.event.EngineEvent;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.model.Resource;
import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.PlanOptions;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.core.stack.Stack;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.emulator.fault.FaultRule;
import dev.terrace.emulator.requestlog.RequestRecord;
import dev.terrace.gcp.GcpGateway;
import io.grpc.Status.Code;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guide's stack applied while the emulator injects faults: the apply must still converge. */
class GuideStackFaultsTest {

    private static final ApplyOptions PATIENT_RETRIES = new ApplyOptions(10,
            new RetryPolicy(Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(90)));
    private static final Set<ResourceKind> NEED_IMAGE = Set.of(ResourceKind.RUN_SERVICE, ResourceKind.RUN_JOB,
            ResourceKind.SCHEDULER_JOB);

    @TempDir
    Path stateRoot;

    private Emulator emulator;
    private GcpGateway gateway;

    @BeforeEach
    void start() {
        Stack stack = Guide.stack();
        emulator = Emulator.start(EmulatorConfig.builder()
                .projectId(stack.settings().project())
                .region(stack.settings().region())
                .apiPropagationDelay(Duration.ofMillis(300))
                .faultSeed(11)
                .build());
        gateway = GcpGateway.sandbox(stack.settings().project(), stack.settings().region(),
                emulator.endpoints().grpcTarget(), emulator.endpoints().storageHost());
    }

    @AfterEach
    void stop() {
        gateway.close();
        emulator.close();
    }

    @Test
    void applyConvergesUnderInjectedFaults() {
        Stack stack = Guide.stack();
        Engine engine = new Engine(gateway, stateRoot, null);
        emulator.faults().add(FaultRule.on("google.*").status(Code.UNAVAILABLE).rate(0.2).build());
        emulator.faults().quotaExceeded("google.cloud.tasks.v2.CloudTasks/CreateQueue", 1, Duration.ofMillis(500));
        emulator.faults().failNext("google.cloud.resourcemanager.v3.Projects/SetIamPolicy", 2, Code.ABORTED);

        ApplyResult infrastructure = engine.apply(stack, engine.plan(stack, new PlanOptions(
                PlanOptions.DEFAULT_PARALLELISM, false, address -> !NEED_IMAGE.contains(address.kind()))),
                PATIENT_RETRIES, null);
        assertThat(infrastructure.withStatus(Status.FAILED)).as("failed in the infrastructure apply").isEmpty();

        emulator.faults().clear();
        for (Resource resource : stack.all()) {
            if (resource.spec() instanceof SecretSpec secret) {
                gateway.secretValues().add(secret.secretId(), "value".getBytes(StandardCharsets.UTF_8));
            }
        }
        emulator.publishImage(stack.settings().repositoryId(), stack.settings().imageName(),
                stack.settings().imageTag());
        emulator.faults().add(FaultRule.on("google.*").status(Code.UNAVAILABLE).rate(0.2).build());

        ApplyResult rest = engine.apply(stack, engine.plan(stack, PlanOptions.defaults()), PATIENT_RETRIES, null);
        assertThat(rest.withStatus(Status.FAILED)).as("failed in the full apply").isEmpty();
        assertThat(infrastructure.outcomes().stream().mapToInt(ResourceOutcome::attempts).max().orElse(0))
                .as("some resource needed a retry").isGreaterThan(1);

        emulator.faults().clear();
        assertThat(engine.plan(stack, PlanOptions.defaults()).changes()).as("changes after apply")
                .allMatch(change -> change.action() == Action.NO_OP);
        List<RequestRecord> creates = emulator.requestLog().records("*Create*").stream()
                .filter(record -> record.code() == Code.ALREADY_EXISTS).toList();
        assertThat(creates).as("creates that found their object already there").isEmpty();
    }

    @Test
    void cancelledApplyResumesWithoutDuplicates() {
        Stack stack = Guide.stack();
        CancelToken cancel = new CancelToken();
        AtomicInteger finished = new AtomicInteger();
        Engine interrupted = new Engine(gateway, stateRoot, event -> {
            if (event instanceof EngineEvent.ResourceFinished && finished.incrementAndGet() == 8) {
                cancel.cancel();
            }
        });
        PlanOptions infrastructure = new PlanOptions(PlanOptions.DEFAULT_PARALLELISM, false,
                address -> !NEED_IMAGE.contains(address.kind()));

        ApplyResult first = interrupted.apply(stack, interrupted.plan(stack, infrastructure), PATIENT_RETRIES, cancel);
        assertThat(first.cancelled()).isTrue();

        Engine engine = new Engine(gateway, stateRoot, null);
        ApplyResult second = engine.apply(stack, engine.plan(stack, infrastructure), PATIENT_RETRIES, null);

        assertThat(second.withStatus(Status.FAILED)).as("failed after the cancelled apply").isEmpty();
        assertThat(engine.plan(stack, infrastructure).changes()).as("changes after the second apply")
                .allMatch(change -> change.action() == Action.NO_OP);
        assertThat(emulator.requestLog().records("*Create*")).as("creates that found their object already there")
                .noneMatch(record -> record.code() == Code.ALREADY_EXISTS);
    }
}
