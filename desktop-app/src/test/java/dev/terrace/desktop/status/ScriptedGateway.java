package dev.terrace.desktop.status;

import dev.terrace.core.memory.MemoryGateway;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.port.JobRuns;
import dev.terrace.core.port.LogEntry;
import dev.terrace.core.port.LogQuery;
import dev.terrace.core.port.LogSource;
import dev.terrace.core.port.SecretValues;
import dev.terrace.core.port.StatusSource;
import dev.terrace.core.spec.Spec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake gateway for view-model tests: the in-memory cloud underneath, plus status reads that
 * are counted and can be made to fail per cloud identity, and log entries the test writes.
 */
public final class ScriptedGateway implements Gateway {

    private final MemoryGateway cloud;
    private final AtomicInteger statusReads = new AtomicInteger();
    private final Map<String, CloudException> statusFailures = new ConcurrentHashMap<>();
    private final List<LogEntry> entries = new CopyOnWriteArrayList<>();
    private final List<LogQuery> queries = new CopyOnWriteArrayList<>();
    private volatile CloudException logFailure;

    public ScriptedGateway(MemoryGateway cloud) {
        this.cloud = cloud;
    }

    /** Makes every status read of the object with this cloud identity fail with {@code failure}. */
    public void failStatus(String identity, CloudException failure) {
        statusFailures.put(identity, failure);
    }

    public int statusReads() {
        return statusReads.get();
    }

    /** Adds a log entry that later log reads return. */
    public void write(LogEntry entry) {
        entries.add(entry);
    }

    /** Makes log reads fail with {@code failure}, or work again with null. */
    public void failLogs(CloudException failure) {
        logFailure = failure;
    }

    public List<LogQuery> logQueries() {
        return List.copyOf(queries);
    }

    @Override
    public String project() {
        return cloud.project();
    }

    @Override
    public Set<String> enabledServices() {
        return cloud.enabledServices();
    }

    @Override
    public <S extends Spec> Driver<S> driver(ResourceKind kind) {
        return cloud.driver(kind);
    }

    @Override
    public SecretValues secretValues() {
        return cloud.secretValues();
    }

    @Override
    public StatusSource status() {
        StatusSource real = cloud.status();
        return spec -> {
            statusReads.incrementAndGet();
            CloudException failure = statusFailures.get(spec.identity());
            if (failure != null) {
                throw failure;
            }
            return real.status(spec);
        };
    }

    @Override
    public JobRuns jobRuns() {
        return cloud.jobRuns();
    }

    @Override
    public dev.terrace.core.port.ImageRegistry images() {
        return cloud.images();
    }

    /** Returns the written entries at or after the query's time, newest first, ignoring its filter. */
    @Override
    public LogSource logs() {
        return query -> {
            queries.add(query);
            CloudException failure = logFailure;
            if (failure != null) {
                throw failure;
            }
            List<LogEntry> found = new ArrayList<>();
            for (LogEntry entry : entries) {
                if (query.since() == null || !entry.timestamp().isBefore(query.since())) {
                    found.add(entry);
                }
            }
            found.sort(Comparator.comparing(LogEntry::timestamp).reversed());
            return found.subList(0, Math.min(found.size(), query.limit() <= 0 ? found.size() : query.limit()));
        };
    }

    @Override
    public String describe() {
        return "a scripted fake of " + cloud.describe();
    }

    @Override
    public void close() {
        cloud.close();
    }
}
