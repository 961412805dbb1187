package dev.terrace.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.Differ;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.port.Observed;
import dev.terrace.core.port.SecretMetadata;
import dev.terrace.core.spec.ApiSpec;
import dev.terrace.core.spec.ArtifactRepositorySpec;
import dev.terrace.core.spec.BucketSpec;
import dev.terrace.core.spec.ProjectIamMemberSpec;
import dev.terrace.core.spec.QueueRetry;
import dev.terrace.core.spec.RunJobSpec;
import dev.terrace.core.spec.RunServiceSpec;
import dev.terrace.core.spec.SchedulerJobSpec;
import dev.terrace.core.spec.SchedulerRetry;
import dev.terrace.core.spec.SchedulerToken;
import dev.terrace.core.spec.SecretEnvVar;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.core.spec.ServiceAccountSpec;
import dev.terrace.core.spec.Spec;
import dev.terrace.core.spec.TasksQueueSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every gateway must share, so that what the engine learns on the in-memory gateway
 * holds on the real one. A subclass supplies a fresh gateway on a new project, in which only
 * Service Usage, Storage and Logging are enabled, and a way to publish an image.
 */
public abstract class GatewayContract {

    protected static final String REGION = "southamerica-east1";

    protected Gateway gateway;

    /** Returns a gateway on a fresh project. */
    protected abstract Gateway newGateway();

    /** Puts an image into the project's registry, as a CI push would. */
    protected abstract void publishImage(String repositoryId, String image, String tag);

    @BeforeEach
    void open() {
        gateway = newGateway();
    }

    @AfterEach
    void closeGateway() {
        gateway.close();
    }

    @Test
    void newProjectHasOnlyTheDefaultApis() {
        assertThat(gateway.enabledServices()).contains("serviceusage.googleapis.com", "storage.googleapis.com",
                "logging.googleapis.com").doesNotContain("run.googleapis.com", "secretmanager.googleapis.com");
    }

    @Test
    void enablingAnApiShowsInEnabledServices() {
        enable("secretmanager.googleapis.com");

        assertThat(gateway.enabledServices()).contains("secretmanager.googleapis.com");
    }

    @Test
    void callOnDisabledApiFailsAsApiDisabled() {
        SecretSpec secret = secret("DISABLED_CASE");

        assertThatThrownBy(() -> driver(ResourceKind.SECRET).read(secret))
                .isInstanceOfSatisfying(CloudException.class, failure ->
                        assertThat(failure.category()).isEqualTo(ErrorCategory.API_DISABLED));
    }

    @Test
    void secretRoundTripsItsOwnedFields() {
        enable("secretmanager.googleapis.com");
        SecretSpec secret = secret("DATABASE_URL");

        assertRoundTrip(ResourceKind.SECRET, secret);
        SecretSpec relabelled = new SecretSpec("DATABASE_URL", "automatic", List.of(),
                Map.of("managed-by", "terrace", "tier", "gold"), Map.of());
        assertUpdate(ResourceKind.SECRET, relabelled);
        assertDelete(ResourceKind.SECRET, relabelled);
    }

    @Test
    void secretValuesAreVersions() {
        enable("secretmanager.googleapis.com");
        driver(ResourceKind.SECRET).create(secret("EMAIL_PORT"));

        var first = gateway.secretValues().add("EMAIL_PORT", "587".getBytes(StandardCharsets.UTF_8));
        gateway.secretValues().add("EMAIL_PORT", "465".getBytes(StandardCharsets.UTF_8));
        gateway.secretValues().disable("EMAIL_PORT", first.version());

        assertThat(new String(gateway.secretValues().access("EMAIL_PORT", "latest"), StandardCharsets.UTF_8))
                .isEqualTo("465");
        assertThat(gateway.secretValues().versions("EMAIL_PORT")).extracting(version -> version.state())
                .containsExactlyInAnyOrder("DISABLED", "ENABLED");
    }

    @Test
    void secretsListsReplicationAndLabels() {
        enable("secretmanager.googleapis.com");
        driver(ResourceKind.SECRET).create(new SecretSpec("REPLICATED", "user-managed", List.of("us-east1"),
                Map.of("team", "ops"), Map.of()));
        driver(ResourceKind.SECRET).create(secret("EMAIL_HOST"));

        assertThat(gateway.secretValues().secrets()).containsExactly(
                new SecretMetadata("EMAIL_HOST", "automatic", List.of(), Map.of("managed-by", "terrace")),
                new SecretMetadata("REPLICATED", "user-managed", List.of("us-east1"), Map.of("team", "ops")));
    }

    @Test
    void latestNamesNewestVersionWhateverItsState() {
        enable("secretmanager.googleapis.com");
        driver(ResourceKind.SECRET).create(secret("EMAIL_PORT"));
        gateway.secretValues().add("EMAIL_PORT", "587".getBytes(StandardCharsets.UTF_8));
        var second = gateway.secretValues().add("EMAIL_PORT", "465".getBytes(StandardCharsets.UTF_8));
        gateway.secretValues().disable("EMAIL_PORT", second.version());

        assertThatThrownBy(() -> gateway.secretValues().access("EMAIL_PORT", "latest"))
                .isInstanceOfSatisfying(CloudException.class, failure ->
                        assertThat(failure.category()).isEqualTo(ErrorCategory.FAILED_PRECONDITION));
    }

    @Test
    void bucketRoundTripsWithItsIam() {
        BucketSpec bucket = new BucketSpec("contract-media-bucket", REGION, "STANDARD", true, "inherited", false, true,
                List.of(), Map.of("managed-by", "terrace"), Map.of("roles/storage.objectViewer", List.of("allUsers")));

        assertRoundTrip(ResourceKind.BUCKET, bucket);
        BucketSpec versioned = new BucketSpec("contract-media-bucket", REGION, "STANDARD", true, "inherited", true,
                true, List.of(), Map.of("managed-by", "terrace"), Map.of());
        assertUpdate(ResourceKind.BUCKET, versioned);
        assertDelete(ResourceKind.BUCKET, versioned);
    }

    @Test
    void serviceAccountAndProjectGrantRoundTrip() {
        enable("iam.googleapis.com");
        enable("cloudresourcemanager.googleapis.com");
        ServiceAccountSpec account = new ServiceAccountSpec("contract-run", "contract-run", "Runs the contract");

        assertRoundTrip(ResourceKind.SERVICE_ACCOUNT, account);
        ProjectIamMemberSpec grant = new ProjectIamMemberSpec("roles/secretmanager.secretAccessor",
                "serviceAccount:" + account.email(gateway.project()));
        assertRoundTrip(ResourceKind.PROJECT_IAM_MEMBER, grant);
        assertDelete(ResourceKind.PROJECT_IAM_MEMBER, grant);
        assertDelete(ResourceKind.SERVICE_ACCOUNT, account);
    }

    @Test
    void repositoryAndQueueRoundTrip() {
        enable("artifactregistry.googleapis.com");
        enable("cloudtasks.googleapis.com");
        ArtifactRepositorySpec repository = new ArtifactRepositorySpec("contract-repo", REGION, "DOCKER",
                "Contract images", Map.of("managed-by", "terrace"));
        TasksQueueSpec queue = new TasksQueueSpec("contract-default", REGION, new QueueRetry(10, 600, 5, 600), null,
                null);

        assertRoundTrip(ResourceKind.ARTIFACT_REPOSITORY, repository);
        assertRoundTrip(ResourceKind.TASKS_QUEUE, queue);
        assertUpdate(ResourceKind.TASKS_QUEUE, new TasksQueueSpec("contract-default", REGION,
                new QueueRetry(5, 300, 3, 300), null, null));
        assertDelete(ResourceKind.TASKS_QUEUE, queue);
    }

    @Test
    void cloudRunServiceJobAndSchedulerRoundTrip() {
        for (String api : List.of("iam", "cloudresourcemanager", "secretmanager", "artifactregistry", "run",
                "cloudscheduler")) {
            enable(api + ".googleapis.com");
        }
        ServiceAccountSpec account = new ServiceAccountSpec("contract-web", "contract-web", null);
        driver(ResourceKind.SERVICE_ACCOUNT).create(account);
        String email = account.email(gateway.project());
        driver(ResourceKind.PROJECT_IAM_MEMBER).create(new ProjectIamMemberSpec("roles/secretmanager.secretAccessor",
                "serviceAccount:" + email));
        driver(ResourceKind.SECRET).create(secret("SECRET_KEY_CONTRACT"));
        gateway.secretValues().add("SECRET_KEY_CONTRACT", "not-a-real-key".getBytes(StandardCharsets.UTF_8));
        driver(ResourceKind.ARTIFACT_REPOSITORY).create(new ArtifactRepositorySpec("app-repo", REGION, "DOCKER", null,
                Map.of()));
        publishImage("app-repo", "app", "latest");
        String image = REGION + "-docker.pkg.dev/" + gateway.project() + "/app-repo/app:latest";
        Map<String, SecretEnvVar> secrets = Map.of("SECRET_KEY", new SecretEnvVar("SECRET_KEY_CONTRACT", "latest"));

        RunServiceSpec service = new RunServiceSpec("contract-web", REGION, image, email, 8080, "1", "512Mi", 0, 5, 60,
                "all", Map.of("PYTHONUNBUFFERED", "1"), secrets, Map.of("managed-by", "terrace"),
                Map.of("roles/run.invoker", List.of("allUsers")));
        assertRoundTrip(ResourceKind.RUN_SERVICE, service);

        RunJobSpec job = new RunJobSpec("contract-worker", REGION, image, email, List.of("python", "worker.py"),
                List.of(), "1", "512Mi", 1, 3, 3600, Map.of(), secrets, Map.of("managed-by", "terrace"),
                Map.of("roles/run.invoker", List.of("serviceAccount:" + email)));
        assertRoundTrip(ResourceKind.RUN_JOB, job);

        SchedulerJobSpec trigger = new SchedulerJobSpec("contract-trigger", REGION, "Starts the worker", "* * * * *",
                "UTC", "https://run.googleapis.com/v2/projects/" + gateway.project() + "/locations/" + REGION
                        + "/jobs/contract-worker:run", "POST", Map.of(), null,
                new SchedulerToken("oauth", email, "https://www.googleapis.com/auth/cloud-platform", null),
                new SchedulerRetry(3, 10, 60), false);
        assertRoundTrip(ResourceKind.SCHEDULER_JOB, trigger);
        assertDelete(ResourceKind.SCHEDULER_JOB, trigger);
        assertDelete(ResourceKind.RUN_JOB, job);
        assertDelete(ResourceKind.RUN_SERVICE, service);
    }

    @Test
    void secondCreateFailsAsAlreadyExists() {
        enable("secretmanager.googleapis.com");
        SecretSpec secret = secret("TWICE");
        driver(ResourceKind.SECRET).create(secret);

        assertThatThrownBy(() -> driver(ResourceKind.SECRET).create(secret))
                .isInstanceOfSatisfying(CloudException.class, failure ->
                        assertThat(failure.category()).isEqualTo(ErrorCategory.ALREADY_EXISTS));
    }

    @Test
    void deleteOfMissingObjectFailsAsNotFound() {
        enable("secretmanager.googleapis.com");

        assertThatThrownBy(() -> driver(ResourceKind.SECRET).delete(secret("NEVER_CREATED")))
                .isInstanceOfSatisfying(CloudException.class, failure ->
                        assertThat(failure.category()).isEqualTo(ErrorCategory.NOT_FOUND));
    }

    protected void enable(String service) {
        driver(ResourceKind.API).create(new ApiSpec(service));
    }

    protected <S extends Spec> Driver<S> driver(ResourceKind kind) {
        return gateway.driver(kind);
    }

    private static SecretSpec secret(String id) {
        return new SecretSpec(id, "automatic", List.of(), Map.of("managed-by", "terrace"), Map.of());
    }

    /** Creates the object and reads it back: what was read must equal what was asked for. */
    private <S extends Spec> void assertRoundTrip(ResourceKind kind, S spec) {
        Driver<S> driver = driver(kind);
        assertThat(driver.read(spec)).as("%s before create", kind).isEmpty();

        driver.create(spec);
        Optional<Observed<S>> read = driver.read(spec);

        assertThat(read).as("%s after create", kind).isPresent();
        assertThat(Differ.diff(kind, read.get().spec(), spec)).as("%s owned fields after create", kind).isEmpty();
    }

    private <S extends Spec> void assertUpdate(ResourceKind kind, S desired) {
        Driver<S> driver = driver(kind);
        Observed<S> current = driver.read(desired).orElseThrow();

        driver.update(desired, current);

        assertThat(Differ.diff(kind, driver.read(desired).orElseThrow().spec(), desired))
                .as("%s owned fields after update", kind).isEmpty();
    }

    private <S extends Spec> void assertDelete(ResourceKind kind, S spec) {
        Driver<S> driver = driver(kind);

        driver.delete(spec);

        assertThat(driver.read(spec)).as("%s after delete", kind).isEmpty();
    }
}
