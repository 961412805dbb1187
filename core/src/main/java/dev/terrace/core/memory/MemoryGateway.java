package dev.terrace.core.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.core.json.Json;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.port.ImageRegistry;
import dev.terrace.core.port.JobExecution;
import dev.terrace.core.port.JobRuns;
import dev.terrace.core.port.LogEntry;
import dev.terrace.core.port.LogSource;
import dev.terrace.core.port.SecretValues;
import dev.terrace.core.port.StatusSource;
import dev.terrace.core.spec.Spec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake cloud project in memory, for engine tests, benchmarks and {@code --gateway memory}. It
 * behaves like the real one where the engine depends on it. Calls about a kind whose API is off
 * fail as API_DISABLED, and a second create of one object fails as ALREADY_EXISTS. Each call can
 * be given a latency and scripted faults.
 */
public final class MemoryGateway implements Gateway {

    private final MemoryGatewayOptions options;
    private final MemoryCloud cloud;
    private final Random dice;
    private final int[] faultBudget;
    private final Map<Operation, AtomicLong> calls = new EnumMap<>(Operation.class);
    private final List<LogEntry> log = new ArrayList<>();
    private final MemorySecretValues secretValues;

    public MemoryGateway(MemoryGatewayOptions options) {
        this.options = options;
        this.cloud = MemoryCloud.open(options.file(), options.initialServices());
        this.dice = new Random(options.seed());
        this.faultBudget = options.faults().stream().mapToInt(FaultRule::times).toArray();
        for (Operation operation : Operation.values()) {
            calls.put(operation, new AtomicLong());
        }
        this.secretValues = new MemorySecretValues(this);
    }

    @Override
    public String project() {
        return options.project();
    }

    @Override
    public Set<String> enabledServices() {
        call(null, Operation.ENABLED_SERVICES, null);
        return cloud.enabledServices();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends Spec> Driver<S> driver(ResourceKind kind) {
        return (Driver<S>) new MemoryDriver(this, kind);
    }

    @Override
    public SecretValues secretValues() {
        return secretValues;
    }

    @Override
    public StatusSource status() {
        return new MemoryStatus(this);
    }

    @Override
    public JobRuns jobRuns() {
        return (job, limit) -> {
            call(ResourceKind.RUN_JOB, Operation.RUN_JOB, job.identity());
            if (cloud.get(ResourceKind.RUN_JOB, job.identity()).isEmpty()) {
                throw new CloudException(ErrorCategory.NOT_FOUND, "Cloud Run job " + job.name() + " does not exist");
            }
            String execution = job.name() + "-" + Long.toString(calls.get(Operation.RUN_JOB).get(), 36);
            synchronized (log) {
                log.add(new LogEntry(Instant.now(), "INFO", "cloud_run_job", Map.of("job_name", job.name()),
                        "Execution " + execution + " has completed successfully."));
            }
            return new JobExecution(execution, JobExecution.Outcome.SUCCEEDED, 1, 0, "");
        };
    }

    @Override
    public ImageRegistry images() {
        // NOTE: the fake cloud keeps no images; an existing repository lists as empty.
        return (location, repositoryId) -> {
            String identity = location + "/" + repositoryId;
            call(ResourceKind.ARTIFACT_REPOSITORY, Operation.READ, identity);
            if (cloud.get(ResourceKind.ARTIFACT_REPOSITORY, identity).isEmpty()) {
                throw new CloudException(ErrorCategory.NOT_FOUND, "Repository " + repositoryId + " does not exist");
            }
            return List.of();
        };
    }

    @Override
    public LogSource logs() {
        return query -> {
            synchronized (log) {
                List<LogEntry> newestFirst = new ArrayList<>(log);
                java.util.Collections.reverse(newestFirst);
                return newestFirst.stream()
                        .filter(entry -> query.since() == null || !entry.timestamp().isBefore(query.since()))
                        .limit(query.limit() <= 0 ? Long.MAX_VALUE : query.limit())
                        .toList();
            }
        };
    }

    @Override
    public String describe() {
        return "the in-memory fake project " + options.project();
    }

    @Override
    public void close() {
        // Nothing to release: the cloud file is written through on every change.
    }

    /** Returns how many calls of each operation this gateway served, for benchmarks. */
    public Map<Operation, Long> callCounts() {
        Map<Operation, Long> counts = new EnumMap<>(Operation.class);
        calls.forEach((operation, count) -> counts.put(operation, count.get()));
        return counts;
    }

    /** Returns how many times each object was created, keyed by "kind identity". */
    public Map<String, Integer> creates() {
        return cloud.creates();
    }

    /** Returns how many objects the fake cloud holds. */
    public int objectCount() {
        return cloud.count();
    }

    MemoryCloud cloud() {
        return cloud;
    }

    ObjectMapper mapper() {
        return Json.mapper();
    }

    /**
     * Accounts for one call: waits its latency (outside any lock, so calls overlap as on a real
     * network), then raises the first scripted fault whose dice roll hits.
     */
    void call(ResourceKind kind, Operation operation, String identity) {
        calls.get(operation).incrementAndGet();
        Duration latency = options.latency().get(operation);
        if (latency != null && !latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new CloudException(ErrorCategory.DEADLINE, "The call was interrupted");
            }
        }
        CloudException fault = rollFaults(kind, operation, identity);
        if (fault != null) {
            throw fault;
        }
        if (kind != null && kind != ResourceKind.API && !cloud.enabledServices().contains(kind.apiService())) {
            throw new CloudException(ErrorCategory.API_DISABLED, kind.apiService() + " has not been used in project "
                    + options.project() + " before or it is disabled");
        }
    }

    private synchronized CloudException rollFaults(ResourceKind kind, Operation operation, String identity) {
        List<FaultRule> faults = options.faults();
        for (int index = 0; index < faults.size(); index++) {
            FaultRule rule = faults.get(index);
            if (!rule.matches(kind, operation, identity) || faultBudget[index] == 0) {
                continue;
            }
            if (dice.nextDouble() < rule.rate()) {
                if (faultBudget[index] > 0) {
                    faultBudget[index]--;
                }
                boolean retryable = rule.retryable() != null ? rule.retryable() : rule.category().retryableByDefault();
                return new CloudException(rule.category(), "Injected " + rule.category() + " on " + operation
                        + (identity == null ? "" : " of " + identity), retryable, rule.retryDelay(), null, null);
            }
        }
        return null;
    }

    void audit(String method, ResourceKind kind, String identity) {
        synchronized (log) {
            log.add(new LogEntry(Instant.now(), "NOTICE", "audited_resource",
                    Map.of("method", method, "kind", kind.key()), method + " " + identity));
        }
    }
}
