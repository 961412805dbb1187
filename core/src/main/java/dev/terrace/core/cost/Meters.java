package dev.terrace.core.cost;

import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.spec.ApiSpec;
import dev.terrace.core.spec.BucketSpec;
import dev.terrace.core.spec.RunJobSpec;
import dev.terrace.core.spec.RunServiceSpec;
import dev.terrace.core.spec.SecretEnvVar;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.core.stack.Stack;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a stack and its usage into the monthly quantities each resource consumes. Sizes come from
 * the specs (CPU, memory, task count, secrets, scheduler jobs); traffic and data come from the usage.
 */
final class Meters {

    static final String RUN_REQUEST_CPU = "run_request_cpu";
    static final String RUN_REQUEST_MEMORY = "run_request_memory";
    static final String RUN_REQUESTS = "run_requests";
    static final String RUN_INSTANCE_CPU = "run_instance_cpu";
    static final String RUN_INSTANCE_MEMORY = "run_instance_memory";
    static final String TASKS_OPERATIONS = "tasks_operations";
    static final String SCHEDULER_JOBS = "scheduler_jobs";
    static final String STORAGE_STANDARD = "storage_standard";
    static final String STORAGE_CLASS_A = "storage_class_a";
    static final String STORAGE_CLASS_B = "storage_class_b";
    static final String INTERNET_EGRESS = "internet_egress";
    static final String ARTIFACT_STORAGE = "artifact_storage";
    static final String SECRET_VERSIONS = "secret_versions";
    static final String SECRET_ACCESSES = "secret_accesses";
    static final String LOG_INGESTION = "log_ingestion";

    /** Every item the estimator prices; a price book must have each of them. */
    static final List<String> ITEM_IDS = List.of(RUN_REQUEST_CPU, RUN_REQUEST_MEMORY, RUN_REQUESTS,
            RUN_INSTANCE_CPU, RUN_INSTANCE_MEMORY, TASKS_OPERATIONS, SCHEDULER_JOBS, STORAGE_STANDARD,
            STORAGE_CLASS_A, STORAGE_CLASS_B, INTERNET_EGRESS, ARTIFACT_STORAGE, SECRET_VERSIONS,
            SECRET_ACCESSES, LOG_INGESTION);

    /** Seconds in a billing month of 730 hours, the month Google's pricing pages use. */
    static final BigDecimal MONTH_SECONDS = BigDecimal.valueOf(730L * 3600);

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final String LOGGING_API = "logging.googleapis.com";

    private final Stack stack;
    private final Usage usage;
    private final List<Demand> demands = new ArrayList<>();

    private Meters(Stack stack, Usage usage) {
        this.stack = stack;
        this.usage = usage;
    }

    static List<Demand> measure(Stack stack, Usage usage) {
        Meters meters = new Meters(stack, usage);
        meters.measureAll();
        return meters.demands;
    }

    private void measureAll() {
        List<Resource> queues = ofKind(ResourceKind.TASKS_QUEUE);
        List<Resource> repositories = ofKind(ResourceKind.ARTIFACT_REPOSITORY);
        List<Resource> accessedSecrets = accessedSecrets();
        for (Resource resource : stack.all()) {
            switch (resource.kind()) {
                case RUN_SERVICE -> service(resource, (RunServiceSpec) resource.spec());
                case RUN_JOB -> job(resource, (RunJobSpec) resource.spec());
                case BUCKET -> bucket(resource, (BucketSpec) resource.spec());
                case SECRET -> secret(resource, (SecretSpec) resource.spec(), accessedSecrets);
                case TASKS_QUEUE -> share(resource, TASKS_OPERATIONS, usage.tasksOperationsPerMonth(), queues.size(),
                        "tasks_operations_per_month");
                case ARTIFACT_REPOSITORY -> share(resource, ARTIFACT_STORAGE, usage.imageGb(), repositories.size(),
                        "image_gb");
                case SCHEDULER_JOB -> add(resource, SCHEDULER_JOBS, BigDecimal.ONE, "1 job");
                case API -> logs(resource, (ApiSpec) resource.spec());
                default -> {
                    // Service accounts and IAM grants cost nothing.
                }
            }
        }
    }

    private void service(Resource resource, RunServiceSpec spec) {
        BigDecimal cpu = Sizes.vcpus(spec.cpu());
        BigDecimal gib = Sizes.gib(spec.memory());
        BigDecimal requests = usage.requestsPerMonth();
        // NOTE: every service of the stack is assumed to serve all requests_per_month; the guide's
        // stack has one service. Cloud Run's rounding of each busy period up to 100 ms is left out.
        BigDecimal busySeconds = requests.multiply(usage.requestDurationMs())
                .divide(THOUSAND, PriceMath.CONTEXT).divide(usage.concurrency(), PriceMath.CONTEXT);
        String busy = Figures.quantity(requests) + " requests × " + Figures.quantity(usage.requestDurationMs())
                + " ms" + (usage.concurrency().compareTo(BigDecimal.ONE) == 0 ? ""
                        : " ÷ " + Figures.quantity(usage.concurrency()) + " concurrent");
        add(resource, RUN_REQUEST_CPU, busySeconds.multiply(cpu), busy + " × " + Figures.quantity(cpu) + " vCPU");
        add(resource, RUN_REQUEST_MEMORY, busySeconds.multiply(gib), busy + " × " + Figures.quantity(gib) + " GiB");
        add(resource, RUN_REQUESTS, requests, Figures.quantity(requests) + " requests");

        int minInstances = usage.minInstances() != null ? usage.minInstances() : spec.minInstances();
        if (minInstances > 0) {
            // NOTE: an upper bound. Idle minimum instances are billed below the instance-based
            // rate, and requests they serve are also counted above; the book has no idle price.
            BigDecimal warmSeconds = MONTH_SECONDS.multiply(BigDecimal.valueOf(minInstances));
            String warm = minInstances + " min instances × 730 h";
            add(resource, RUN_INSTANCE_CPU, warmSeconds.multiply(cpu), warm + " × " + Figures.quantity(cpu) + " vCPU");
            add(resource, RUN_INSTANCE_MEMORY, warmSeconds.multiply(gib), warm + " × " + Figures.quantity(gib) + " GiB");
        }
    }

    private void job(Resource resource, RunJobSpec spec) {
        JobUsage job = usage.job(resource.address().name());
        BigDecimal taskSeconds = job.executionsPerMonth().multiply(BigDecimal.valueOf(spec.taskCount()))
                .multiply(job.durationSeconds());
        String run = Figures.quantity(job.executionsPerMonth()) + " executions"
                + (spec.taskCount() == 1 ? "" : " × " + spec.taskCount() + " tasks")
                + " × " + Figures.quantity(job.durationSeconds()) + " s";
        BigDecimal cpu = Sizes.vcpus(spec.cpu());
        BigDecimal gib = Sizes.gib(spec.memory());
        add(resource, RUN_INSTANCE_CPU, taskSeconds.multiply(cpu), run + " × " + Figures.quantity(cpu) + " vCPU");
        add(resource, RUN_INSTANCE_MEMORY, taskSeconds.multiply(gib), run + " × " + Figures.quantity(gib) + " GiB");
    }

    private void bucket(Resource resource, BucketSpec spec) {
        BucketUsage bucket = usage.bucket(resource.address().name());
        // NOTE: every storage class is priced as Standard; the book has no other class yet.
        add(resource, STORAGE_STANDARD, bucket.storageGb(), Figures.quantity(bucket.storageGb()) + " GB stored ("
                + spec.storageClass() + ")");
        add(resource, STORAGE_CLASS_A, bucket.classAOperations(), Figures.quantity(bucket.classAOperations())
                + " writes and listings");
        add(resource, STORAGE_CLASS_B, bucket.classBOperations(), Figures.quantity(bucket.classBOperations())
                + " reads");
        add(resource, INTERNET_EGRESS, bucket.egressGb(), Figures.quantity(bucket.egressGb()) + " GB served");
    }

    private void secret(Resource resource, SecretSpec spec, List<Resource> accessed) {
        int locations = "automatic".equals(spec.replication()) ? 1 : Math.max(1, spec.replicaLocations().size());
        add(resource, SECRET_VERSIONS, BigDecimal.valueOf(locations),
                "1 active version × " + locations + (locations == 1 ? " location" : " locations"));
        if (accessed.contains(resource)) {
            share(resource, SECRET_ACCESSES, usage.secretAccessesPerMonth(), accessed.size(),
                    "secret_accesses_per_month");
        }
    }

    private void logs(Resource resource, ApiSpec spec) {
        if (LOGGING_API.equals(spec.service())) {
            add(resource, LOG_INGESTION, usage.logGib(), Figures.quantity(usage.logGib()) + " GiB ingested");
        }
    }

    /** Adds an even share of a stack-wide usage figure to one of {@code count} resources. */
    private void share(Resource resource, String itemId, BigDecimal total, int count, String usageKey) {
        BigDecimal each = total.divide(BigDecimal.valueOf(count), PriceMath.CONTEXT);
        add(resource, itemId, each, count == 1 ? usageKey + " " + Figures.quantity(total)
                : usageKey + " " + Figures.quantity(total) + " ÷ " + count);
    }

    /**
     * Returns the secrets that services and jobs read, which share the access operations; when no
     * spec reads a secret, every secret shares them.
     */
    private List<Resource> accessedSecrets() {
        Set<String> read = new TreeSet<>();
        for (Resource resource : stack.all()) {
            Map<String, SecretEnvVar> secretEnv = resource.spec() instanceof RunServiceSpec service
                    ? service.secretEnv()
                    : resource.spec() instanceof RunJobSpec job ? job.secretEnv() : Map.of();
            secretEnv.values().forEach(variable -> read.add(variable.secret()));
        }
        List<Resource> secrets = ofKind(ResourceKind.SECRET);
        List<Resource> accessed = secrets.stream()
                .filter(secret -> read.contains(((SecretSpec) secret.spec()).secretId())).toList();
        return accessed.isEmpty() ? secrets : accessed;
    }

    private List<Resource> ofKind(ResourceKind kind) {
        return stack.all().stream().filter(resource -> resource.kind() == kind).toList();
    }

    private void add(Resource resource, String itemId, BigDecimal quantity, String basis) {
        demands.add(new Demand(resource.address(), resource.chapter(), itemId, quantity, basis));
    }
}
