package dev.terrace.core.cost;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The traffic and data a stack is assumed to see in a month: what the stack file cannot state.
 * Sizes the stack does state (CPU, memory, secrets, scheduler jobs) come from the stack instead.
 * Read one with {@link UsageReader}; the {@code with...} methods make what-if copies.
 *
 * @param requestDurationMs mean time a request keeps an instance busy, in milliseconds
 * @param concurrency mean number of requests one busy instance serves at once, at least 1
 * @param minInstances instances kept warm per service, or null to take each service's own setting
 * @param jobs usage per Cloud Run job, by the job's address name; the entry {@code *} covers jobs
 *     without their own entry
 * @param buckets usage per bucket, by the bucket's address name, with {@code *} as for jobs
 */
public record Usage(
        BigDecimal requestsPerMonth,
        BigDecimal requestDurationMs,
        BigDecimal concurrency,
        Integer minInstances,
        BigDecimal tasksOperationsPerMonth,
        BigDecimal imageGb,
        BigDecimal secretAccessesPerMonth,
        BigDecimal logGib,
        Map<String, JobUsage> jobs,
        Map<String, BucketUsage> buckets) {

    /** The key of the entry that covers jobs and buckets without an entry of their own. */
    public static final String ANY = "*";

    public Usage {
        requireNonNegative(requestsPerMonth, "requests_per_month");
        requireNonNegative(requestDurationMs, "request_duration_ms");
        Objects.requireNonNull(concurrency, "concurrency");
        if (concurrency.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        if (minInstances != null && minInstances < 0) {
            throw new IllegalArgumentException("min_instances must be zero or more, was " + minInstances);
        }
        requireNonNegative(tasksOperationsPerMonth, "tasks_operations_per_month");
        requireNonNegative(imageGb, "image_gb");
        requireNonNegative(secretAccessesPerMonth, "secret_accesses_per_month");
        requireNonNegative(logGib, "log_gib");
        jobs = Collections.unmodifiableMap(new LinkedHashMap<>(jobs));
        buckets = Collections.unmodifiableMap(new LinkedHashMap<>(buckets));
    }

    /** Returns the defaults for a low-traffic app, read from {@code usage-defaults.yaml}. */
    public static Usage defaults() {
        return UsageReader.defaults();
    }

    /** Returns the usage of a job by its address name, else the {@code *} entry, else none. */
    public JobUsage job(String name) {
        return Optional.ofNullable(jobs.get(name)).or(() -> Optional.ofNullable(jobs.get(ANY)))
                .orElse(new JobUsage(BigDecimal.ZERO, BigDecimal.ZERO));
    }

    /** Returns the usage of a bucket by its address name, else the {@code *} entry, else none. */
    public BucketUsage bucket(String name) {
        return Optional.ofNullable(buckets.get(name)).or(() -> Optional.ofNullable(buckets.get(ANY)))
                .orElse(new BucketUsage(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    public Usage withRequestsPerMonth(BigDecimal value) {
        return new Usage(value, requestDurationMs, concurrency, minInstances, tasksOperationsPerMonth, imageGb,
                secretAccessesPerMonth, logGib, jobs, buckets);
    }

    public Usage withRequestDurationMs(BigDecimal value) {
        return new Usage(requestsPerMonth, value, concurrency, minInstances, tasksOperationsPerMonth, imageGb,
                secretAccessesPerMonth, logGib, jobs, buckets);
    }

    public Usage withMinInstances(Integer value) {
        return new Usage(requestsPerMonth, requestDurationMs, concurrency, value, tasksOperationsPerMonth, imageGb,
                secretAccessesPerMonth, logGib, jobs, buckets);
    }

    /** Returns a copy where the named bucket (or {@code *}) stores {@code gb}, its other figures kept. */
    public Usage withBucketStorageGb(String bucket, BigDecimal gb) {
        Map<String, BucketUsage> changed = new LinkedHashMap<>(buckets);
        changed.put(bucket, bucket(bucket).withStorageGb(gb));
        return new Usage(requestsPerMonth, requestDurationMs, concurrency, minInstances, tasksOperationsPerMonth,
                imageGb, secretAccessesPerMonth, logGib, jobs, changed);
    }

    static void requireNonNegative(BigDecimal value, String key) {
        Objects.requireNonNull(value, key);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(key + " must be zero or more, was " + value.toPlainString());
        }
    }
}
