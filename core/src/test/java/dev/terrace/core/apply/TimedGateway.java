package dev.terrace.core.apply;

import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.port.LogSource;
import dev.terrace.core.port.Observed;
import dev.terrace.core.port.SecretValues;
import dev.terrace.core.port.StatusSource;
import dev.terrace.core.spec.Spec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fake gateway whose creates take a time chosen per object and record when they ran, so that
 * tests can see how the applier scheduled them.
 */
final class TimedGateway implements Gateway {

    record Interval(String identity, long startNanos, long endNanos) {
    }

    private final Map<String, Duration> createTime;
    private final Function<String, CloudException> failure;
    private final List<Interval> intervals = new ArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    TimedGateway(Map<String, Duration> createTime, Function<String, CloudException> failure) {
        this.createTime = createTime;
        this.failure = failure;
    }

    synchronized List<Interval> intervals() {
        return new ArrayList<>(intervals);
    }

    synchronized Interval interval(String identity) {
        return intervals.stream().filter(interval -> interval.identity().equals(identity)).findFirst().orElseThrow();
    }

    int maxRunning() {
        return maxRunning.get();
    }

    int attempts(String identity) {
        return attempts.getOrDefault(identity, new AtomicInteger()).get();
    }

    @Override
    public String project() {
        return "timed-project";
    }

    @Override
    public Set<String> enabledServices() {
        return Set.of(ResourceKind.SERVICE_ACCOUNT.apiService());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends Spec> Driver<S> driver(ResourceKind kind) {
        return (Driver<S>) new Driver<Spec>() {
            @Override
            public Optional<Observed<Spec>> read(Spec spec) {
                return Optional.empty();
            }

            @Override
            public Observed<Spec> create(Spec spec) {
                String identity = spec.identity();
                attempts.computeIfAbsent(identity, key -> new AtomicInteger()).incrementAndGet();
                CloudException fault = failure.apply(identity);
                if (fault != null) {
                    throw fault;
                }
                long start = System.nanoTime();
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(createTime.getOrDefault(identity, Duration.ZERO).toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                }
                synchronized (TimedGateway.this) {
                    intervals.add(new Interval(identity, start, System.nanoTime()));
                }
                return Observed.of(spec);
            }

            @Override
            public Observed<Spec> update(Spec desired, Observed<Spec> current) {
                return Observed.of(desired);
            }

            @Override
            public void delete(Spec spec) {
            }
        };
    }

    @Override
    public SecretValues secretValues() {
        throw new UnsupportedOperationException("not used by scheduling tests");
    }

    @Override
    public StatusSource status() {
        throw new UnsupportedOperationException("not used by scheduling tests");
    }

    @Override
    public LogSource logs() {
        throw new UnsupportedOperationException("not used by scheduling tests");
    }

    @Override
    public dev.terrace.core.port.ImageRegistry images() {
        throw new UnsupportedOperationException("the timing fake keeps no images");
    }

    @Override
    public dev.terrace.core.port.JobRuns jobRuns() {
        throw new UnsupportedOperationException("the timing fake runs no jobs");
    }

    @Override
    public String describe() {
        return "timed fake";
    }

    @Override
    public void close() {
    }
}
