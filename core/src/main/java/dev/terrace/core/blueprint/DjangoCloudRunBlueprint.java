package dev.terrace.core.blueprint;

import dev.terrace.core.model.Address;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.spec.ApiSpec;
import dev.terrace.core.spec.ArtifactRepositorySpec;
import dev.terrace.core.spec.BucketSpec;
import dev.terrace.core.spec.CorsRule;
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
import dev.terrace.core.stack.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Django-on-Cloud-Run stack: a web service, a worker job fed by a queue and a scheduler,
 * migrate and collectstatic jobs, buckets for static and media files, an image registry, the
 * app's secrets and the accounts that tie them together.
 *
 * <p>Where the popular Terraform guide for this stack goes wrong, this blueprint does not: the
 * API list names {@code cloudtasks} (not {@code tasks}) and adds {@code iamcredentials} and
 * {@code sts}; the scheduler calls the Admin API with an OAuth token; jobs read secrets as secret
 * environment variables; each project grant exists once; and a separate deployer account holds
 * exactly the roles CI needs.
 */
public final class DjangoCloudRunBlueprint implements Blueprint {

    public static final String NAME = "django-cloud-run";

    /** The APIs the stack calls, by their Service Usage names. */
    public static final List<String> APIS = List.of(
            "run", "artifactregistry", "secretmanager", "storage", "iam", "iamcredentials", "sts",
            "cloudresourcemanager", "cloudtasks", "cloudscheduler", "serviceusage", "logging");

    /** The app's secrets; values are added as versions, never written into the stack. */
    public static final List<String> SECRETS = List.of(
            "DATABASE_URL", "DJANGO_SECRET_KEY", "GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET",
            "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD");

    /** Project roles of the run and worker accounts. */
    private static final List<String> RUNTIME_ROLES = List.of(
            "roles/secretmanager.secretAccessor", "roles/storage.objectAdmin", "roles/cloudtasks.admin");

    /** Project roles of the deployer account: push images, deploy revisions, act as runtime accounts. */
    private static final List<String> DEPLOYER_ROLES = List.of(
            "roles/artifactregistry.writer", "roles/run.developer", "roles/iam.serviceAccountUser");

    private static final String CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BlueprintResource> resources(Settings settings) {
        List<BlueprintResource> out = new ArrayList<>();
        addApis(out);
        addStateBucket(settings, out);
        addRegistry(settings, out);
        addSecrets(settings, out);
        addAppBuckets(settings, out);
        addAccounts(settings, out);
        addService(settings, out);
        addWorker(settings, out);
        addDeployJobs(settings, out);
        return out;
    }

    private void addApis(List<BlueprintResource> out) {
        for (String api : APIS) {
            out.add(resource(ResourceKind.API, api, Chapter.PROJECT_AND_APIS,
                    new ApiSpec(api + ".googleapis.com"), Set.of(), "/blueprint"));
        }
    }

    private void addStateBucket(Settings settings, List<BlueprintResource> out) {
        BucketSpec bucket = new BucketSpec(settings.app() + "-terraform-state", settings.region(), "STANDARD",
                true, "enforced", true, false, List.of(), labels(settings), Map.of());
        out.add(resource(ResourceKind.BUCKET, "terraform_state", Chapter.PROJECT_SETUP, bucket, Set.of(),
                "/settings/app"));
    }

    private void addRegistry(Settings settings, List<BlueprintResource> out) {
        ArtifactRepositorySpec repository = new ArtifactRepositorySpec(settings.repositoryId(),
                settings.region(), "DOCKER", "Container images of " + settings.app(), labels(settings));
        out.add(resource(ResourceKind.ARTIFACT_REPOSITORY, "app_repo", Chapter.ARTIFACT_REGISTRY, repository,
                Set.of(), "/settings/repository_id"));
    }

    private void addSecrets(Settings settings, List<BlueprintResource> out) {
        for (String secret : SECRETS) {
            SecretSpec spec = new SecretSpec(secret, "automatic", List.of(), labels(settings), Map.of());
            out.add(resource(ResourceKind.SECRET, secret, Chapter.SECRETS, spec, Set.of(), "/blueprint"));
        }
    }

    private void addAppBuckets(Settings settings, List<BlueprintResource> out) {
        // NOTE: the run account's objectAdmin comes from its project role, so a bucket grant of the
        // same role would be redundant. The buckets therefore grant only public read.
        Map<String, List<String>> publicRead = Map.of("roles/storage.objectViewer", List.of("allUsers"));
        List<CorsRule> cors = settings.domain() == null ? List.of()
                : List.of(new CorsRule(List.of("https://" + settings.domain(), "https://www." + settings.domain()),
                        List.of("GET"), List.of("Content-Type"), 3600));
        BucketSpec staticBucket = new BucketSpec(settings.project() + "-static", settings.region(), "STANDARD",
                true, "inherited", false, true, cors, labels(settings), publicRead);
        BucketSpec mediaBucket = new BucketSpec(settings.project() + "-media", settings.region(), "STANDARD",
                true, "inherited", false, true, List.of(), labels(settings), publicRead);
        out.add(resource(ResourceKind.BUCKET, "static", Chapter.CLOUD_STORAGE, staticBucket, Set.of(),
                "/settings/project"));
        out.add(resource(ResourceKind.BUCKET, "media", Chapter.CLOUD_STORAGE, mediaBucket, Set.of(),
                "/settings/project"));
    }

    private void addAccounts(Settings settings, List<BlueprintResource> out) {
        String app = settings.app();
        out.add(account("run", app + "-run", "Runs the " + app + " web service", Chapter.SERVICE_ACCOUNTS));
        out.add(account("worker", app + "-worker", "Runs the " + app + " worker, migrate and collectstatic jobs",
                Chapter.SERVICE_ACCOUNTS));
        out.add(account("scheduler", app + "-scheduler", "Starts the " + app + " worker job on a schedule",
                Chapter.TASKS_AND_SCHEDULER));
        out.add(account("deployer", app + "-deployer", "Pushes images and deploys " + app + " from CI",
                Chapter.SERVICE_ACCOUNTS));
        for (String account : List.of("run", "worker")) {
            for (String role : RUNTIME_ROLES) {
                out.add(projectGrant(account, role));
            }
        }
        for (String role : DEPLOYER_ROLES) {
            out.add(projectGrant("deployer", role));
        }
    }

    private void addService(Settings settings, List<BlueprintResource> out) {
        Map<String, String> env = new LinkedHashMap<>(djangoEnv());
        if (settings.domain() != null) {
            env.put("ALLOWED_HOSTS", settings.domain() + ",www." + settings.domain());
        }
        RunServiceSpec service = new RunServiceSpec(settings.app(), settings.region(), settings.imageUrl(),
                "service_account.run", 8080, "1", "512Mi", 0, 5, 60, "all", env, appSecrets(),
                labels(settings), Map.of("roles/run.invoker", List.of("allUsers")));
        out.add(resource(ResourceKind.RUN_SERVICE, "web", Chapter.CLOUD_RUN, service,
                Set.of("artifact_repository.app_repo", "project_iam.run_secretmanager_secret_accessor"),
                "/settings/app"));
    }

    private void addWorker(Settings settings, List<BlueprintResource> out) {
        String app = settings.app();
        TasksQueueSpec queue = new TasksQueueSpec(app + "-default", settings.region(),
                new QueueRetry(10, 600, 5, 600), null, null);
        out.add(resource(ResourceKind.TASKS_QUEUE, "default", Chapter.TASKS_AND_SCHEDULER, queue, Set.of(),
                "/settings/app"));

        RunJobSpec worker = job(settings, app + "-worker", List.of("uv", "run", "python", "manage.py", "worker"),
                3600, Map.of("roles/run.invoker", List.of("service_account.scheduler")));
        out.add(resource(ResourceKind.RUN_JOB, "worker", Chapter.TASKS_AND_SCHEDULER, worker,
                workerDependencies(), "/settings/app"));

        SchedulerJobSpec trigger = new SchedulerJobSpec(app + "-worker-trigger", settings.region(),
                "Starts the worker job every minute", "* * * * *", "UTC", "run_job.worker", "POST", Map.of(), null,
                new SchedulerToken("oauth", "service_account.scheduler", CLOUD_PLATFORM_SCOPE, null),
                new SchedulerRetry(3, 10, 60), false);
        out.add(resource(ResourceKind.SCHEDULER_JOB, "worker_trigger", Chapter.TASKS_AND_SCHEDULER, trigger,
                Set.of(), "/settings/app"));
    }

    private void addDeployJobs(Settings settings, List<BlueprintResource> out) {
        RunJobSpec migrate = job(settings, "migrate",
                List.of("uv", "run", "python", "manage.py", "migrate", "--noinput"), 600, Map.of());
        RunJobSpec collectstatic = job(settings, "collectstatic",
                List.of("uv", "run", "python", "manage.py", "collectstatic", "--noinput"), 600, Map.of());
        out.add(resource(ResourceKind.RUN_JOB, "migrate", Chapter.FIRST_DEPLOY, migrate, workerDependencies(),
                "/blueprint"));
        out.add(resource(ResourceKind.RUN_JOB, "collectstatic", Chapter.FIRST_DEPLOY, collectstatic,
                workerDependencies(), "/blueprint"));
    }

    private RunJobSpec job(Settings settings, String name, List<String> command, int taskTimeoutSeconds,
            Map<String, List<String>> iam) {
        return new RunJobSpec(name, settings.region(), settings.imageUrl(), "service_account.worker", command,
                List.of(), "1", "512Mi", 1, 3, taskTimeoutSeconds, djangoEnv(), appSecrets(), labels(settings), iam);
    }

    private static Set<String> workerDependencies() {
        return Set.of("artifact_repository.app_repo", "project_iam.worker_secretmanager_secret_accessor");
    }

    private static Map<String, String> djangoEnv() {
        return Map.of("DJANGO_SETTINGS_MODULE", "core.settings.prod", "PYTHONUNBUFFERED", "1");
    }

    private static Map<String, SecretEnvVar> appSecrets() {
        return Map.of("DATABASE_URL", new SecretEnvVar("secret.DATABASE_URL", "latest"),
                "SECRET_KEY", new SecretEnvVar("secret.DJANGO_SECRET_KEY", "latest"));
    }

    private static Map<String, String> labels(Settings settings) {
        return Map.of("managed-by", "terrace", "terrace-stack", settings.name());
    }

    private static BlueprintResource account(String name, String accountId, String description, Chapter chapter) {
        ServiceAccountSpec spec = new ServiceAccountSpec(accountId, accountId, description);
        return resource(ResourceKind.SERVICE_ACCOUNT, name, chapter, spec, Set.of(), "/settings/app");
    }

    private static BlueprintResource projectGrant(String account, String role) {
        ProjectIamMemberSpec spec = new ProjectIamMemberSpec(role, "service_account." + account);
        return resource(ResourceKind.PROJECT_IAM_MEMBER, account + "_" + roleSuffix(role), Chapter.SERVICE_ACCOUNTS,
                spec, Set.of(), "/settings/app");
    }

    /** Turns {@code roles/secretmanager.secretAccessor} into {@code secretmanager_secret_accessor}. */
    static String roleSuffix(String role) {
        String bare = role.startsWith("roles/") ? role.substring("roles/".length()) : role;
        return bare.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static BlueprintResource resource(ResourceKind kind, String name, Chapter chapter, Spec spec,
            Set<String> dependsOn, String settingsField) {
        return new BlueprintResource(new Address(kind, name), chapter, spec, dependsOn, settingsField);
    }
}
