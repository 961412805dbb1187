package dev.terrace.gcp.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import dev.terrace.core.apply.ApplyOptions;
import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.apply.ResourceOutcome.Status;
import dev.terrace.core.apply.RetryPolicy;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.engine.Engine;
import dev.terrace.core.engine.Validation;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.PlanOptions;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.spec.ApiSpec;
import dev.terrace.core.spec.BucketSpec;
import dev.terrace.core.spec.ProjectIamMemberSpec;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.core.spec.ServiceAccountSpec;
import dev.terrace.core.spec.TasksQueueSpec;
import dev.terrace.core.stack.Stack;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.core.GuideExample;
import dev.terrace.gcp.GcpGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each preflight check, triggered through the adapter against the emulator. */
class PreflightChecksTest {

    private static final ApplyOptions FAST_RETRIES = new ApplyOptions(10,
            new RetryPolicy(Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(60)));
    private static final Set<ResourceKind> NEED_IMAGE = Set.of(ResourceKind.RUN_SERVICE, ResourceKind.RUN_JOB,
            ResourceKind.SCHEDULER_JOB);

    @TempDir
    Path stateRoot;

    private Emulator emulator;
    private GcpGateway gateway;
    private Engine engine;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void disabledApiOutsidePlanIsReported() {
        Stack stack = start(UnaryOperator.identity());

        List<Diagnostic> diagnostics = preflight(stack, address -> address.kind() != ResourceKind.API);

        assertThat(diagnostics).anySatisfy(diagnostic -> {
            assertThat(diagnostic.summary()).isEqualTo("run.googleapis.com is disabled");
            assertThat(diagnostic.address()).isEqualTo(Address.parse("run_service.web"));
            assertThat(diagnostic.fix()).contains("gcloud services enable run.googleapis.com");
        });
    }

    @Test
    void apisThePlanEnablesAreNotReported() {
        Stack stack = start(UnaryOperator.identity());

        List<Diagnostic> diagnostics = preflight(stack, address -> true);

        assertThat(diagnostics).noneMatch(diagnostic -> diagnostic.summary().endsWith("is disabled"));
    }

    @Test
    void missingImageIsReported() {
        Stack stack = start(UnaryOperator.identity());
        applyInfrastructure(stack);

        List<Diagnostic> diagnostics = preflight(stack, address -> true);

        assertThat(diagnostics).anySatisfy(diagnostic -> {
            assertThat(diagnostic.summary()).startsWith("Image not found: ");
            assertThat(diagnostic.address()).isEqualTo(Address.parse("run_service.web"));
            assertThat(diagnostic.detail()).contains("no image app with tag latest");
        });
    }

    @Test
    void publishedImageIsNotReported() {
        Stack stack = start(UnaryOperator.identity());
        applyInfrastructure(stack);
        emulator.publishImage(stack.settings().repositoryId(), stack.settings().imageName(),
                stack.settings().imageTag());

        List<Diagnostic> diagnostics = preflight(stack, address -> true);

        assertThat(diagnostics).noneMatch(diagnostic -> diagnostic.summary().startsWith("Image not found"));
    }

    @Test
    void secretWithoutVersionIsReported() {
        Stack stack = start(UnaryOperator.identity());
        applyInfrastructure(stack);

        List<Diagnostic> diagnostics = preflight(stack, address -> true);

        assertThat(diagnostics).anySatisfy(diagnostic -> {
            assertThat(diagnostic.summary()).isEqualTo("Secret DATABASE_URL has no enabled version");
            assertThat(diagnostic.fix()).contains("gcloud secrets versions add DATABASE_URL");
        });
    }

    @Test
    void secretUnreadableByRuntimeAccountIsReported() {
        Stack stack = start(UnaryOperator.identity());
        applyInfrastructure(stack);
        addSecretValues(stack);
        String runAccount = "serviceAccount:" + stack.settings().app() + "-run@" + stack.settings().project()
                + ".iam.gserviceaccount.com";
        gateway.driver(ResourceKind.PROJECT_IAM_MEMBER).delete(new ProjectIamMemberSpec(
                "roles/secretmanager.secretAccessor", runAccount));

        List<Diagnostic> diagnostics = preflight(stack, address -> address.kind() == ResourceKind.RUN_SERVICE);

        assertThat(diagnostics).anySatisfy(diagnostic -> {
            assertThat(diagnostic.summary()).isEqualTo(stack.settings().app() + "-run@" + stack.settings().project()
                    + ".iam.gserviceaccount.com cannot read secret DATABASE_URL");
            assertThat(diagnostic.fix()).contains("roles/secretmanager.secretAccessor");
        });
    }

    @Test
    void grantInPlanSatisfiesSecretAccess() {
        Stack stack = start(UnaryOperator.identity());
        applyInfrastructure(stack);
        addSecretValues(stack);

        List<Diagnostic> diagnostics = preflight(stack, address -> true);

        assertThat(diagnostics).noneMatch(diagnostic -> diagnostic.summary().contains("cannot read secret"));
        assertThat(diagnostics).noneMatch(diagnostic -> diagnostic.summary().contains("no enabled version"));
    }

    @Test
    void principalWithoutActAsIsReported() {
        Stack stack = start(UnaryOperator.identity());
        applyInfrastructure(stack);
        demoteCallerToViewer();

        List<Diagnostic> diagnostics = preflight(stack, address -> true);

        assertThat(diagnostics).anySatisfy(diagnostic -> {
            assertThat(diagnostic.summary()).startsWith("Cannot act as " + stack.settings().app() + "-run@");
            assertThat(diagnostic.fix()).contains("roles/iam.serviceAccountUser");
        });
    }

    @Test
    void publicBindingUnderOrganizationPolicyIsReported() {
        Stack stack = start(UnaryOperator.identity());
        emulator.world().storage().setOrganizationEnforcesPublicAccessPrevention(true);

        List<Diagnostic> diagnostics = preflight(stack, address -> true);

        assertThat(diagnostics).anySatisfy(diagnostic -> {
            assertThat(diagnostic.summary()).startsWith("Public access is prevented on bucket");
            assertThat(diagnostic.address()).isEqualTo(Address.parse("bucket.static"));
            assertThat(diagnostic.detail()).contains("constraints/storage.publicAccessPrevention");
        });
        assertThat(emulator.requestLog().records("google.cloud.orgpolicy.v2.OrgPolicy/GetEffectivePolicy"))
                .as("one policy read for both buckets").hasSize(1);
    }

    @Test
    void existingPublicBindingUnderPolicyPasses() {
        Stack stack = start(UnaryOperator.identity());
        applyInfrastructure(stack);
        emulator.world().storage().setOrganizationEnforcesPublicAccessPrevention(true);
        Stack relabelled = Validation.of("terrace.yaml", GuideExample.text().replace("resources: {}",
                "resources:\n  bucket.static:\n    labels:\n      team: web\n")).usableStack().orElseThrow();

        List<Diagnostic> diagnostics = preflight(relabelled, address -> address.kind() == ResourceKind.BUCKET);

        assertThat(engine.plan(relabelled, PlanOptions.defaults()).changes())
                .filteredOn(change -> change.address().equals(Address.parse("bucket.static")))
                .extracting(ResourceChange::action).containsExactly(Action.UPDATE);
        assertThat(diagnostics).noneMatch(diagnostic -> diagnostic.summary().startsWith("Public access is prevented"));
    }

    @Test
    void publicBindingWithoutPolicyPasses() {
        Stack stack = start(UnaryOperator.identity());

        List<Diagnostic> diagnostics = preflight(stack, address -> true);

        assertThat(diagnostics).noneMatch(diagnostic -> diagnostic.summary().startsWith("Public access is prevented"));
        assertThat(diagnostics).noneMatch(diagnostic -> diagnostic.summary().startsWith("Organization policy"));
    }

    @Test
    void liveEnforcedBucketAcceptsBinding() {
        Stack stack = start(UnaryOperator.identity());
        applyInfrastructure(stack);
        BucketSpec staticBucket = (BucketSpec) stack.find(Address.parse("bucket.static")).orElseThrow().spec();
        Storage storage = gateway.clients().storage();
        storage.update(storage.get(staticBucket.name()).toBuilder().setIamConfiguration(
                BucketInfo.IamConfiguration.newBuilder().setIsUniformBucketLevelAccessEnabled(true)
                        .setPublicAccessPrevention(BucketInfo.PublicAccessPrevention.ENFORCED).build()).build());

        List<Diagnostic> diagnostics = preflight(stack, address -> true);
        applyInfrastructure(stack);

        assertThat(diagnostics).noneMatch(diagnostic -> diagnostic.summary().startsWith("Public access is prevented"));
        assertThat(storage.getIamPolicy(staticBucket.name()).getBindings().values())
                .anySatisfy(members -> assertThat(members.toString()).contains("allUsers"));
    }

    @Test
    void takenBucketNameIsReported() {
        Stack stack = start(UnaryOperator.identity(), builder -> builder.takenBucketNames(Set.of(
                "mycoolproject-prod-static")));

        List<Diagnostic> diagnostics = preflight(stack, address -> true);

        assertThat(diagnostics).anySatisfy(diagnostic ->
                assertThat(diagnostic.summary()).isEqualTo("Bucket name mycoolproject-prod-static is taken"));
    }

    @Test
    void unofferedRegionIsReported() {
        Stack stack = start(UnaryOperator.identity(), builder -> builder.offeredRegions("cloudtasks.googleapis.com",
                Set.of("us-central1", "europe-west1")));
        enableApis("cloudtasks.googleapis.com", "cloudscheduler.googleapis.com", "artifactregistry.googleapis.com");

        List<Diagnostic> diagnostics = preflight(stack, address -> true);

        assertThat(diagnostics).anySatisfy(diagnostic -> {
            assertThat(diagnostic.summary()).isEqualTo("cloudtasks.googleapis.com is not offered in southamerica-east1");
            assertThat(diagnostic.address()).isEqualTo(Address.parse("tasks_queue.default"));
            assertThat(diagnostic.detail()).contains("It runs in: europe-west1, us-central1.");
        });
        assertThat(diagnostics).as("Cloud Scheduler and Artifact Registry still offer the region")
                .noneMatch(diagnostic -> diagnostic.summary().contains("cloudscheduler.googleapis.com is not offered")
                        || diagnostic.summary().contains("artifactregistry.googleapis.com is not offered"));
        assertThat(diagnostics).noneMatch(diagnostic -> diagnostic.summary().startsWith("Preflight check"));
    }

    @Test
    void unofferedCloudRunRegionIsReported() {
        Stack stack = start(UnaryOperator.identity(), builder -> builder.offeredRegions("run.googleapis.com",
                Set.of("us-central1")));
        enableApis("run.googleapis.com");

        List<Diagnostic> diagnostics = preflight(stack, address -> true);

        assertThat(diagnostics).anySatisfy(diagnostic -> {
            assertThat(diagnostic.summary()).isEqualTo("run.googleapis.com is not offered in southamerica-east1");
            assertThat(diagnostic.address()).isEqualTo(Address.parse("run_service.web"));
        });
        assertThat(diagnostics).filteredOn(diagnostic -> diagnostic.summary().startsWith("run.googleapis.com is not"))
                .extracting(Diagnostic::address).contains(Address.parse("run_job.worker"));
        assertThat(emulator.requestLog().records("run.projects.locations.list")).as("one list for services and jobs")
                .hasSize(1);
    }

    @Test
    void offeredRegionIsNotReported() {
        Stack stack = start(UnaryOperator.identity());
        enableApis("cloudtasks.googleapis.com", "cloudscheduler.googleapis.com", "artifactregistry.googleapis.com",
                "run.googleapis.com");

        List<Diagnostic> diagnostics = preflight(stack, address -> true);

        assertThat(diagnostics).noneMatch(diagnostic -> diagnostic.summary().contains("is not offered in"));
        assertThat(diagnostics).noneMatch(diagnostic -> diagnostic.summary().startsWith("Preflight check"));
        assertThat(emulator.requestLog().records("google.cloud.location.Locations/ListLocations")).hasSize(3);
        assertThat(emulator.requestLog().records("run.projects.locations.list")).hasSize(1);
    }

    @Test
    void recentlyDeletedQueueNameIsReported() {
        Stack stack = start(UnaryOperator.identity());
        applyInfrastructure(stack);
        TasksQueueSpec queue = (TasksQueueSpec) stack.find(Address.parse("tasks_queue.default")).orElseThrow().spec();
        gateway.driver(ResourceKind.TASKS_QUEUE).delete(queue);

        List<Diagnostic> diagnostics = preflight(stack, address -> true);

        assertThat(diagnostics).anySatisfy(diagnostic -> {
            assertThat(diagnostic.summary()).isEqualTo("Queue name " + queue.name() + " is still locked");
            assertThat(diagnostic.address()).isEqualTo(Address.parse("tasks_queue.default"));
        });
    }

    @Test
    void newServiceAccountIsVisibleBeforeCreateReturns() {
        start(UnaryOperator.identity(), builder -> builder.serviceAccountVisibilityDelay(Duration.ofSeconds(1)));
        gateway.driver(ResourceKind.API).create(new dev.terrace.core.spec.ApiSpec("iam.googleapis.com"));
        gateway.driver(ResourceKind.API).create(new dev.terrace.core.spec.ApiSpec(
                "cloudresourcemanager.googleapis.com"));
        ServiceAccountSpec account = new ServiceAccountSpec("fresh-run", "fresh-run", null);

        gateway.driver(ResourceKind.SERVICE_ACCOUNT).create(account);
        gateway.driver(ResourceKind.PROJECT_IAM_MEMBER).create(new ProjectIamMemberSpec("roles/run.invoker",
                "serviceAccount:" + account.email(gateway.project())));

        assertThat(gateway.driver(ResourceKind.PROJECT_IAM_MEMBER).read(new ProjectIamMemberSpec("roles/run.invoker",
                "serviceAccount:" + account.email(gateway.project())))).isPresent();
    }

    private Stack start(UnaryOperator<String> edit) {
        return start(edit, UnaryOperator.identity());
    }

    private Stack start(UnaryOperator<String> edit, UnaryOperator<EmulatorConfig.Builder> configure) {
        Stack stack = Validation.of("terrace.yaml", edit.apply(GuideExample.text())).usableStack().orElseThrow();
        emulator = Emulator.start(configure.apply(EmulatorConfig.builder()
                .projectId(stack.settings().project())
                .region("southamerica-east1")
                .apiPropagationDelay(Duration.ofMillis(200))).build());
        gateway = GcpGateway.sandbox(stack.settings().project(), stack.settings().region(),
                emulator.endpoints().grpcTarget(), emulator.endpoints().storageHost());
        engine = new Engine(gateway, stateRoot, null);
        return stack;
    }

    private void enableApis(String... apis) {
        for (String api : apis) {
            gateway.driver(ResourceKind.API).create(new ApiSpec(api));
        }
    }

    /** Leaves the emulator's caller with roles/viewer only, which reads but may not act as an account. */
    private void demoteCallerToViewer() {
        String caller = emulator.world().caller();
        String project = "projects/" + gateway.project();
        Policy current = gateway.clients().projects().getIamPolicy(project);
        Policy.Builder demoted = current.toBuilder().clearBindings();
        for (Binding binding : current.getBindingsList()) {
            List<String> others = binding.getMembersList().stream().filter(member -> !member.equals(caller)).toList();
            if (!others.isEmpty()) {
                demoted.addBindings(binding.toBuilder().clearMembers().addAllMembers(others));
            }
        }
        demoted.addBindings(Binding.newBuilder().setRole("roles/viewer").addMembers(caller));
        gateway.clients().projects().setIamPolicy(project, demoted.build());
    }

    private void applyInfrastructure(Stack stack) {
        Plan plan = engine.plan(stack, new PlanOptions(PlanOptions.DEFAULT_PARALLELISM, false,
                address -> !NEED_IMAGE.contains(address.kind())));
        ApplyResult result = engine.apply(stack, plan, FAST_RETRIES, null);
        assertThat(result.withStatus(Status.FAILED)).as("failed in the infrastructure apply").isEmpty();
    }

    private void addSecretValues(Stack stack) {
        stack.all().stream().filter(resource -> resource.spec() instanceof SecretSpec).forEach(resource ->
                gateway.secretValues().add(((SecretSpec) resource.spec()).secretId(),
                        "value".getBytes(StandardCharsets.UTF_8)));
    }

    private List<Diagnostic> preflight(Stack stack, Predicate<Address> scope) {
        Plan plan = engine.plan(stack, new PlanOptions(PlanOptions.DEFAULT_PARALLELISM, false, scope));
        return Preflight.standard().run(stack, plan, gateway);
    }
}
