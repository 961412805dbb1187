package dev.terrace.core.model;

import dev.terrace.core.spec.ApiSpec;
import dev.terrace.core.spec.ArtifactRepositorySpec;
import dev.terrace.core.spec.BucketSpec;
import dev.terrace.core.spec.ProjectIamMemberSpec;
import dev.terrace.core.spec.RunJobSpec;
import dev.terrace.core.spec.RunServiceSpec;
import dev.terrace.core.spec.SchedulerJobSpec;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.core.spec.ServiceAccountSpec;
import dev.terrace.core.spec.Spec;
import dev.terrace.core.spec.TasksQueueSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of resource Terrace manages, each with its spec type, the API that serves it, the
 * chapter a new resource of the kind lands in, and the fields whose change forces a replace.
 */
public enum ResourceKind {
    API("api", ApiSpec.class, "serviceusage.googleapis.com", Chapter.PROJECT_AND_APIS,
            Set.of("service"), Set.of(), List.of()),
    ARTIFACT_REPOSITORY("artifact_repository", ArtifactRepositorySpec.class,
            "artifactregistry.googleapis.com", Chapter.ARTIFACT_REGISTRY,
            Set.of("repository_id", "location", "format"), Set.of(), List.of()),
    SECRET("secret", SecretSpec.class, "secretmanager.googleapis.com", Chapter.SECRETS,
            Set.of("secret_id", "replication", "replica_locations"), Set.of(),
            List.of(ReferenceField.member("iam.*.*"))),
    BUCKET("bucket", BucketSpec.class, "storage.googleapis.com", Chapter.CLOUD_STORAGE,
            Set.of("name", "location"), Set.of("force_destroy"),
            List.of(ReferenceField.member("iam.*.*"))),
    SERVICE_ACCOUNT("service_account", ServiceAccountSpec.class, "iam.googleapis.com",
            Chapter.SERVICE_ACCOUNTS, Set.of("account_id"), Set.of(), List.of()),
    PROJECT_IAM_MEMBER("project_iam", ProjectIamMemberSpec.class, "cloudresourcemanager.googleapis.com",
            Chapter.SERVICE_ACCOUNTS, Set.of("role", "member"), Set.of(),
            List.of(ReferenceField.member("member"))),
    RUN_SERVICE("run_service", RunServiceSpec.class, "run.googleapis.com", Chapter.CLOUD_RUN,
            Set.of("name", "location"), Set.of(),
            List.of(ReferenceField.email("service_account"), ReferenceField.secretId("secret_env.*.secret"),
                    ReferenceField.member("iam.*.*"))),
    RUN_JOB("run_job", RunJobSpec.class, "run.googleapis.com", Chapter.TASKS_AND_SCHEDULER,
            Set.of("name", "location"), Set.of(),
            List.of(ReferenceField.email("service_account"), ReferenceField.secretId("secret_env.*.secret"),
                    ReferenceField.member("iam.*.*"))),
    TASKS_QUEUE("tasks_queue", TasksQueueSpec.class, "cloudtasks.googleapis.com",
            Chapter.TASKS_AND_SCHEDULER, Set.of("name", "location"), Set.of(), List.of()),
    SCHEDULER_JOB("scheduler_job", SchedulerJobSpec.class, "cloudscheduler.googleapis.com",
            Chapter.TASKS_AND_SCHEDULER, Set.of("name", "location"), Set.of(),
            List.of(ReferenceField.email("token.service_account"), ReferenceField.jobRunUri("uri")));

    private final String key;
    private final Class<? extends Spec> specType;
    private final String apiService;
    private final Chapter defaultChapter;
    private final Set<String> replaceFields;
    private final Set<String> localFields;
    private final List<ReferenceField> referenceFields;

    ResourceKind(String key, Class<? extends Spec> specType, String apiService, Chapter defaultChapter,
            Set<String> replaceFields, Set<String> localFields, List<ReferenceField> referenceFields) {
        this.key = key;
        this.specType = specType;
        this.apiService = apiService;
        this.defaultChapter = defaultChapter;
        this.replaceFields = replaceFields;
        this.localFields = localFields;
        this.referenceFields = referenceFields;
    }

    /** The word used in addresses and the stack file, such as {@code run_service}. */
    public String key() {
        return key;
    }

    public Class<? extends Spec> specType() {
        return specType;
    }

    /** The API that must be enabled before any call about a resource of this kind. */
    public String apiService() {
        return apiService;
    }

    public Chapter defaultChapter() {
        return defaultChapter;
    }

    /** Top-level spec fields (snake case) that cannot change in place. */
    public Set<String> replaceFields() {
        return replaceFields;
    }

    /** Top-level spec fields that steer Terrace only and are never compared with the cloud. */
    public Set<String> localFields() {
        return localFields;
    }

    /** Spec fields that may name another resource by its address. */
    public List<ReferenceField> referenceFields() {
        return referenceFields;
    }

    public static Optional<ResourceKind> byKey(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key.equals(key)).findFirst();
    }

    public static Optional<ResourceKind> bySpec(Class<? extends Spec> type) {
        return Arrays.stream(values()).filter(kind -> kind.specType.equals(type)).findFirst();
    }

    public static ResourceKind of(Spec spec) {
        return bySpec(spec.getClass()).orElseThrow();
    }

    /** Returns the kind keys, comma separated, for messages that list the valid choices. */
    public static String keys() {
        return Arrays.stream(values()).map(ResourceKind::key).collect(Collectors.joining(", "));
    }
}
