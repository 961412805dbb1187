package dev.terrace.gcp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.apply.ApplyOptions;
import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.apply.ResourceOutcome.Status;
import dev.terrace.core.apply.RetryPolicy;
import dev.terrace.core.engine.Engine;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.model.Resource;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.PlanOptions;
import dev.terrace.core.port.LogEntry;
import dev.terrace.core.port.LogQuery;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.core.spec.SchedulerJobSpec;
import dev.terrace.core.spec.TasksQueueSpec;
import dev.terrace.core.model.Address;
import java.util.List;
import dev.terrace.core.spec.ApiSpec;
import dev.terrace.core.spec.RunServiceSpec;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.core.stack.Stack;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.gcp.GcpGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's whole stack through the engine, the adapter and the official clients against the
 * emulator: apply, an empty second plan, a ready service that serves /health/, and a destroy that leaves
 * nothing behind. The emulator runs under the stack's own project id, as a sandbox would.
 */
class GuideStackEndToEndTest {

    private static final ApplyOptions FAST_RETRIES = new ApplyOptions(10,
            new RetryPolicy(Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(60)));
    /** Cloud Run needs the image, and the image needs the repository, so these wait for the push. */
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
    void guideStackAppliesPlansEmptyAndDestroys() throws Exception {
        Stack stack = Guide.stack();
        Engine engine = new Engine(gateway, stateRoot, null);

        PlanOptions infrastructure = new PlanOptions(PlanOptions.DEFAULT_PARALLELISM, false,
                address -> !NEED_IMAGE.contains(address.kind()));
        ApplyResult first = engine.apply(stack, engine.plan(stack, infrastructure), FAST_RETRIES, null);
        assertThat(first.withStatus(Status.FAILED)).as("failed in the infrastructure apply").isEmpty();
        for (Resource resource : stack.all()) {
            if (resource.spec() instanceof SecretSpec secret) {
                gateway.secretValues().add(secret.secretId(), ("value-of-" + secret.secretId())
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        emulator.publishImage(stack.settings().repositoryId(), stack.settings().imageName(), stack.settings().imageTag());

        Plan full = engine.plan(stack, PlanOptions.defaults());
        assertThat(full.diagnostics()).as("diagnostics of the full plan").noneMatch(diagnostic -> diagnostic.isError());
        ApplyResult second = engine.apply(stack, full, FAST_RETRIES, null);
        assertThat(second.withStatus(Status.FAILED)).as("failed in the full apply").isEmpty();
        assertThat(second.succeeded()).isTrue();

        Plan again = engine.plan(stack, PlanOptions.defaults());
        assertThat(again.changes()).as("changes after apply").filteredOn(change -> change.action()
                != dev.terrace.core.plan.Action.NO_OP).isEmpty();
        assertThat(again.hasChanges()).isFalse();

        RunServiceSpec web = (RunServiceSpec) stack.all().stream().map(Resource::spec)
                .filter(spec -> spec instanceof RunServiceSpec).findFirst().orElseThrow();
        ResourceStatus status = gateway.status().status(web);
        assertThat(status.health()).isEqualTo(ResourceStatus.Health.READY);
        assertThat(status.details().get("uri")).startsWith("http");
        assertThat(status.details().get("traffic")).as("traffic of the service").startsWith("100% ")
                .endsWith("(latest)");
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(status.details().get("uri") + "/health/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("ok");

        TasksQueueSpec queue = (TasksQueueSpec) stack.find(Address.parse("tasks_queue.default")).orElseThrow().spec();
        assertThat(gateway.status().status(queue).health()).isEqualTo(ResourceStatus.Health.READY);
        SchedulerJobSpec trigger = (SchedulerJobSpec) stack.all().stream().map(Resource::spec)
                .filter(spec -> spec instanceof SchedulerJobSpec).findFirst().orElseThrow();
        ResourceStatus scheduled = gateway.status().status(trigger);
        assertThat(scheduled.details().get("state")).isEqualTo("ENABLED");
        assertThat(scheduled.details()).as("details of the Scheduler job").containsKey("next_run");
        assertThat(java.time.Instant.parse(scheduled.details().get("next_run"))).isAfter(java.time.Instant.now()
                .minusSeconds(120));
        List<LogEntry> audit = gateway.logs().entries(new LogQuery("logName:\"cloudaudit.googleapis.com\"", null, 5));
        assertThat(audit).as("audit log entries of the apply").isNotEmpty().hasSizeLessThanOrEqualTo(5);

        ApplyResult destroyed = engine.apply(stack, engine.plan(stack, PlanOptions.defaults().withDestroy(true)),
                FAST_RETRIES, null);
        assertThat(destroyed.withStatus(Status.FAILED)).as("failed in the destroy").isEmpty();
        assertThat(destroyed.state().resources()).isEmpty();
        assertThat(gateway.enabledServices()).as("enabled APIs after destroy").doesNotContain("run.googleapis.com",
                "secretmanager.googleapis.com", "cloudtasks.googleapis.com");
        // Disabling an API keeps its objects, so enable them again to check that nothing is left.
        for (Resource resource : stack.all()) {
            if (resource.spec() instanceof ApiSpec api) {
                gateway.driver(ResourceKind.API).create(api);
            }
        }
        for (Resource resource : stack.all()) {
            if (resource.address().kind() != ResourceKind.API) {
                assertThat(gateway.driver(resource.address().kind()).read(resource.spec()))
                        .as("%s after destroy", resource.address()).isEmpty();
            }
        }
    }
}
