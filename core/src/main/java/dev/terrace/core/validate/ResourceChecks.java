package dev.terrace.core.validate;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.model.Resource;
import dev.terrace.core.spec.ApiSpec;
import dev.terrace.core.spec.ArtifactRepositorySpec;
import dev.terrace.core.spec.BucketSpec;
import dev.terrace.core.spec.ProjectIamMemberSpec;
import dev.terrace.core.spec.RunJobSpec;
import dev.terrace.core.spec.RunServiceSpec;
import dev.terrace.core.spec.SchedulerJobSpec;
import dev.terrace.core.spec.SchedulerToken;
import dev.terrace.core.spec.SecretEnvVar;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.core.spec.ServiceAccountSpec;
import dev.terrace.core.spec.Spec;
import dev.terrace.core.spec.TasksQueueSpec;
import dev.terrace.core.stack.DiagnosticSink;
import dev.terrace.core.stack.FieldPath;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of one resource on its own: names, values, regions, cron, environment and tokens. */
final class ResourceChecks {

    /**
     * Variables Cloud Run sets in every container; a revision or job that defines one is rejected.
     * PORT is the one the popular guide sets by mistake.
     */
    private static final Set<String> RESERVED_ENV = Set.of("PORT", "K_SERVICE", "K_REVISION", "K_CONFIGURATION",
            "CLOUD_RUN_JOB", "CLOUD_RUN_EXECUTION", "CLOUD_RUN_TASK_INDEX", "CLOUD_RUN_TASK_ATTEMPT",
            "CLOUD_RUN_TASK_COUNT");

    private static final Pattern MEMBER = Pattern.compile(
            "allUsers|allAuthenticatedUsers|(user|serviceAccount|group|domain|principal|principalSet|deleted:"
                    + "serviceAccount|deleted:user|deleted:group):.+");

    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final DiagnosticSink sink;

    ResourceChecks(DiagnosticSink sink) {
        this.sink = sink;
    }

    void check(Resource resource) {
        Spec spec = resource.spec();
        if (spec instanceof ApiSpec api) {
            checkApi(resource, api);
        } else if (spec instanceof ArtifactRepositorySpec repository) {
            checkRepository(resource, repository);
        } else if (spec instanceof SecretSpec secret) {
            checkSecret(resource, secret);
        } else if (spec instanceof BucketSpec bucket) {
            checkBucket(resource, bucket);
        } else if (spec instanceof ServiceAccountSpec account) {
            name(resource, "account_id", account.accountId(), NamingRules.ACCOUNT_ID);
        } else if (spec instanceof ProjectIamMemberSpec grant) {
            checkGrant(resource, grant);
        } else if (spec instanceof RunServiceSpec service) {
            checkService(resource, service);
        } else if (spec instanceof RunJobSpec job) {
            checkJob(resource, job);
        } else if (spec instanceof TasksQueueSpec queue) {
            checkQueue(resource, queue);
        } else if (spec instanceof SchedulerJobSpec job) {
            checkSchedulerJob(resource, job);
        }
    }

    private void checkApi(Resource resource, ApiSpec api) {
        if (api.service() == null || !KnownApis.NAMES.contains(api.service())) {
            String hint = api.service() != null && api.service().startsWith("tasks.")
                    ? "cloudtasks.googleapis.com" : "run.googleapis.com";
            sink.atField(Severity.ERROR, resource, FieldPath.of("service"), api.service(), "validate.unknown_api",
                    String.valueOf(api.service()), hint);
        }
    }

    private void checkRepository(Resource resource, ArtifactRepositorySpec repository) {
        name(resource, "repository_id", repository.repositoryId(), NamingRules.REPOSITORY_ID);
        region(resource, "location", repository.location());
        oneOf(resource, "format", repository.format(), Set.of("DOCKER", "MAVEN", "NPM", "PYTHON", "APT", "YUM", "GO"));
        labels(resource, repository.labels());
    }

    private void checkSecret(Resource resource, SecretSpec secret) {
        name(resource, "secret_id", secret.secretId(), NamingRules.SECRET_ID);
        oneOf(resource, "replication", secret.replication(), Set.of("automatic", "user-managed"));
        if ("user-managed".equals(secret.replication()) && secret.replicaLocations().isEmpty()) {
            sink.atField(Severity.ERROR, resource, FieldPath.of("replica_locations"), "[]",
                    "validate.replicas_missing");
        }
        for (int index = 0; index < secret.replicaLocations().size(); index++) {
            region(resource, FieldPath.of("replica_locations").child(index), secret.replicaLocations().get(index));
        }
        labels(resource, secret.labels());
        iam(resource, secret.iam());
    }

    private void checkBucket(Resource resource, BucketSpec bucket) {
        name(resource, "name", bucket.name(), NamingRules.BUCKET);
        String location = bucket.location() == null ? null : bucket.location().toLowerCase(Locale.ROOT);
        if (location == null || !(Regions.KNOWN.contains(location) || Regions.STORAGE_MULTI.contains(location))) {
            region(resource, "location", bucket.location());
        }
        oneOf(resource, "storage_class", bucket.storageClass(), Set.of("STANDARD", "NEARLINE", "COLDLINE", "ARCHIVE"));
        oneOf(resource, "public_access_prevention", bucket.publicAccessPrevention(), Set.of("inherited", "enforced"));
        boolean publicGrant = bucket.iam().values().stream()
                .anyMatch(members -> members.contains("allUsers") || members.contains("allAuthenticatedUsers"));
        if (publicGrant && "enforced".equals(bucket.publicAccessPrevention())) {
            sink.atField(Severity.ERROR, resource, FieldPath.of("public_access_prevention"),
                    bucket.publicAccessPrevention(), "validate.public_access_prevented", bucket.name());
        }
        labels(resource, bucket.labels());
        iam(resource, bucket.iam());
    }

    private void checkGrant(Resource resource, ProjectIamMemberSpec grant) {
        role(resource, FieldPath.of("role"), grant.role());
        member(resource, FieldPath.of("member"), grant.member());
    }

    private void checkService(Resource resource, RunServiceSpec service) {
        name(resource, "name", service.name(), NamingRules.RUN_SERVICE);
        region(resource, "location", service.location());
        required(resource, "image", service.image());
        required(resource, "service_account", service.serviceAccount());
        range(resource, "container_port", service.containerPort(), 1, 65535);
        range(resource, "min_instances", service.minInstances(), 0, 1000);
        range(resource, "max_instances", service.maxInstances(), 1, 1000);
        range(resource, "timeout_seconds", service.timeoutSeconds(), 1, 3600);
        if (service.minInstances() > service.maxInstances()) {
            sink.atField(Severity.ERROR, resource, FieldPath.of("min_instances"), service.minInstances(),
                    "validate.instances_order", service.minInstances(), service.maxInstances());
        }
        oneOf(resource, "ingress", service.ingress(), Set.of("all", "internal", "internal-and-cloud-load-balancing"));
        name(resource, "memory", service.memory(), NamingRules.MEMORY);
        name(resource, "cpu", service.cpu(), NamingRules.CPU);
        environment(resource, service.env(), service.secretEnv());
        labels(resource, service.labels());
        iam(resource, service.iam());
    }

    private void checkJob(Resource resource, RunJobSpec job) {
        name(resource, "name", job.name(), NamingRules.RUN_JOB);
        region(resource, "location", job.location());
        required(resource, "image", job.image());
        required(resource, "service_account", job.serviceAccount());
        range(resource, "task_count", job.taskCount(), 1, 10000);
        range(resource, "max_retries", job.maxRetries(), 0, 10);
        range(resource, "task_timeout_seconds", job.taskTimeoutSeconds(), 1, 168 * 3600);
        name(resource, "memory", job.memory(), NamingRules.MEMORY);
        name(resource, "cpu", job.cpu(), NamingRules.CPU);
        environment(resource, job.env(), job.secretEnv());
        labels(resource, job.labels());
        iam(resource, job.iam());
    }

    private void checkQueue(Resource resource, TasksQueueSpec queue) {
        name(resource, "name", queue.name(), NamingRules.QUEUE_ID);
        region(resource, "location", queue.location());
        if (queue.retry() != null && queue.retry().minBackoffSeconds() != null
                && queue.retry().maxBackoffSeconds() != null
                && queue.retry().minBackoffSeconds() > queue.retry().maxBackoffSeconds()) {
            sink.atField(Severity.ERROR, resource, FieldPath.of("retry", "min_backoff_seconds"),
                    queue.retry().minBackoffSeconds(), "validate.backoff_order", queue.retry().minBackoffSeconds(),
                    queue.retry().maxBackoffSeconds());
        }
    }

    private void checkSchedulerJob(Resource resource, SchedulerJobSpec job) {
        name(resource, "name", job.name(), NamingRules.SCHEDULER_JOB);
        region(resource, "location", job.location());
        cron(resource, job.schedule());
        try {
            ZoneId.of(job.timeZone());
        } catch (DateTimeException invalid) {
            sink.atField(Severity.ERROR, resource, FieldPath.of("time_zone"), job.timeZone(),
                    "validate.unknown_time_zone", job.timeZone());
        }
        oneOf(resource, "http_method", job.httpMethod(), Set.of("POST", "GET", "PUT", "PATCH", "DELETE", "HEAD"));
        token(resource, job.uri(), job.token());
        if (job.retry() != null && job.retry().minBackoffSeconds() != null && job.retry().maxBackoffSeconds() != null
                && job.retry().minBackoffSeconds() > job.retry().maxBackoffSeconds()) {
            sink.atField(Severity.ERROR, resource, FieldPath.of("retry", "min_backoff_seconds"),
                    job.retry().minBackoffSeconds(), "validate.backoff_order", job.retry().minBackoffSeconds(),
                    job.retry().maxBackoffSeconds());
        }
    }

    private void cron(Resource resource, String schedule) {
        if (schedule == null || schedule.isBlank()) {
            sink.atField(Severity.ERROR, resource, FieldPath.of("schedule"), schedule, "validate.invalid_cron",
                    String.valueOf(schedule), "it is empty");
            return;
        }
        try {
            CRON.parse(schedule).validate();
        } catch (IllegalArgumentException invalid) {
            sink.atField(Severity.ERROR, resource, FieldPath.of("schedule"), schedule, "validate.invalid_cron",
                    schedule, invalid.getMessage());
        }
    }

    /**
     * Checks the token type against the target. Google APIs take an OAuth access token and reject
     * an OIDC token, while a Cloud Run service URL takes an OIDC token whose audience is the URL.
     */
    private void token(Resource resource, String uri, SchedulerToken token) {
        String host;
        try {
            host = uri == null ? null : new URI(uri).getHost();
        } catch (URISyntaxException invalid) {
            host = null;
        }
        if (host == null) {
            sink.atField(Severity.ERROR, resource, FieldPath.of("uri"), uri, "validate.invalid_uri",
                    String.valueOf(uri));
            return;
        }
        boolean googleApi = host.endsWith(".googleapis.com");
        String type = token == null ? null : token.type();
        if (googleApi && !"oauth".equals(type)) {
            sink.atField(Severity.ERROR, resource, FieldPath.of("token", "type"), type, "validate.token_oauth_required",
                    host, String.valueOf(type));
        } else if (!googleApi && type != null && !"oidc".equals(type)) {
            sink.atField(Severity.ERROR, resource, FieldPath.of("token", "type"), type, "validate.token_oidc_required",
                    host, type);
        }
        if (token != null && token.serviceAccount() == null) {
            sink.atField(Severity.ERROR, resource, FieldPath.of("token", "service_account"), null,
                    "validate.required", "token.service_account");
        }
    }

    private void environment(Resource resource, Map<String, String> env, Map<String, SecretEnvVar> secretEnv) {
        env.forEach((name, value) -> envName(resource, FieldPath.of("env", name), name, value));
        secretEnv.forEach((name, reference) -> {
            FieldPath field = FieldPath.of("secret_env", name);
            envName(resource, field, name, reference.secret());
            if (env.containsKey(name)) {
                sink.atField(Severity.ERROR, resource, field, name, "validate.env_twice", name);
            }
            if (reference.secret() == null) {
                sink.atField(Severity.ERROR, resource, field.child("secret"), null, "validate.required",
                        field.child("secret").toString());
            }
            if (!reference.version().equals("latest") && !reference.version().matches("[1-9][0-9]*")) {
                sink.atField(Severity.ERROR, resource, field.child("version"), reference.version(),
                        "validate.invalid_secret_version", reference.version());
            }
        });
    }

    private void envName(Resource resource, FieldPath field, String name, String value) {
        if (RESERVED_ENV.contains(name)) {
            sink.atField(Severity.ERROR, resource, field, value, "validate.reserved_env", name, field.segments().get(0));
            return;
        }
        NamingRules.ENV_NAME.check(name).ifPresent(words -> sink.atField(Severity.ERROR, resource, field, name,
                "validate.invalid_name", NamingRules.ENV_NAME.subject(), name, words, NamingRules.ENV_NAME.example()));
    }

    private void labels(Resource resource, Map<String, String> labels) {
        if (labels.size() > 64) {
            sink.atField(Severity.ERROR, resource, FieldPath.of("labels"), labels.size(), "validate.too_many_labels",
                    labels.size());
        }
        labels.forEach((key, value) -> {
            FieldPath field = FieldPath.of("labels", key);
            NamingRules.LABEL_KEY.check(key).ifPresent(words -> sink.atField(Severity.ERROR, resource, field, key,
                    "validate.invalid_name", NamingRules.LABEL_KEY.subject(), key, words, NamingRules.LABEL_KEY.example()));
            NamingRules.LABEL_VALUE.check(value).ifPresent(words -> sink.atField(Severity.ERROR, resource, field,
                    value, "validate.invalid_name", NamingRules.LABEL_VALUE.subject(), value, words,
                    NamingRules.LABEL_VALUE.example()));
        });
    }

    private void iam(Resource resource, Map<String, List<String>> iam) {
        iam.forEach((role, members) -> {
            FieldPath field = FieldPath.of("iam", role);
            role(resource, field, role);
            for (int index = 0; index < members.size(); index++) {
                member(resource, field.child(index), members.get(index));
            }
        });
    }

    private void role(Resource resource, FieldPath field, String role) {
        if (role == null || !role.matches("(roles|projects/[^/]+/roles|organizations/[0-9]+/roles)/[A-Za-z0-9_.]+")) {
            sink.atField(Severity.ERROR, resource, field, role, "validate.invalid_role", String.valueOf(role));
        }
    }

    private void member(Resource resource, FieldPath field, String member) {
        if (member == null || !MEMBER.matcher(member).matches()) {
            sink.atField(Severity.ERROR, resource, field, member, "validate.invalid_member", String.valueOf(member));
        }
    }

    private void name(Resource resource, String field, String value, NamingRule rule) {
        rule.check(value).ifPresent(words -> sink.atField(Severity.ERROR, resource, FieldPath.of(field), value,
                "validate.invalid_name", rule.subject(), String.valueOf(value), words, rule.example()));
    }

    private void region(Resource resource, String field, String value) {
        region(resource, FieldPath.of(field), value);
    }

    private void region(Resource resource, FieldPath field, String value) {
        if (value == null || !Regions.KNOWN.contains(value)) {
            sink.atField(Severity.ERROR, resource, field, value, "validate.unknown_region", String.valueOf(value),
                    Regions.closest(String.valueOf(value)));
        }
    }

    private void required(Resource resource, String field, Object value) {
        if (value == null || value.toString().isBlank()) {
            sink.atField(Severity.ERROR, resource, FieldPath.of(field), value, "validate.required", field);
        }
    }

    private void range(Resource resource, String field, int value, int min, int max) {
        if (value < min || value > max) {
            sink.atField(Severity.ERROR, resource, FieldPath.of(field), value, "validate.out_of_range", field,
                    Integer.toString(value), Integer.toString(min), Integer.toString(max));
        }
    }

    private void oneOf(Resource resource, String field, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            sink.atField(Severity.ERROR, resource, FieldPath.of(field), value, "validate.not_one_of", field,
                    String.valueOf(value), String.join(", ", new java.util.TreeSet<>(allowed)));
        }
    }
}
