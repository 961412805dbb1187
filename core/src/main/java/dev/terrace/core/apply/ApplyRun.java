package dev.terrace.core.apply;

import dev.terrace.core.apply.ResourceOutcome.Status;
import dev.terrace.core.event.EngineEvent;
import dev.terrace.core.event.EngineListener;
import dev.terrace.core.graph.ResourceGraph;
import dev.terrace.core.model.Address;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.port.CloudException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One apply in progress: the dependency counters, the worker pool, the retry timer and the
 * outcomes so far. Every counter is guarded by {@code this}.
 *
 * <p>When more changes are ready than there are workers, the one with the longest chain of work
 * still behind it goes first, so that the critical path is not kept waiting by leaves.
 */
final class ApplyRun {

    private static final Logger LOG = LoggerFactory.getLogger(ApplyRun.class);

    private final Plan plan;
    private final ChangeExecutor executor;
    private final ApplyOptions options;
    private final EngineListener listener;
    private final CancelToken cancel;
    private final Map<Address, ResourceChange> changes = new LinkedHashMap<>();
    private final ResourceGraph graph;
    private final Map<Address, Integer> waitingOn = new HashMap<>();
    private final Map<Address, ResourceOutcome> outcomes = new LinkedHashMap<>();
    private final Map<Address, Instant> firstAttempt = new HashMap<>();
    private final Map<Address, ScheduledFuture<?>> retries = new HashMap<>();
    /** Outcomes whose events were delivered; the run ends when every change has one. */
    private int reported;
    private final Map<Address, Integer> chainLength;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;

    ApplyRun(Plan plan, ChangeExecutor executor, ApplyOptions options, EngineListener listener, CancelToken cancel) {
        this.plan = plan;
        this.executor = executor;
        this.options = options;
        this.listener = listener;
        this.cancel = cancel;
        Map<Address, Collection<Address>> edges = new LinkedHashMap<>();
        plan.changes().forEach(change -> {
            changes.put(change.address(), change);
            edges.put(change.address(), change.dependsOn());
        });
        this.graph = new ResourceGraph(edges);
        this.chainLength = chainLengths();
        this.workers = new ThreadPoolExecutor(options.parallelism(), options.parallelism(), 0, TimeUnit.MILLISECONDS,
                new PriorityBlockingQueue<>(), named("terrace-apply"));
        // With every thread waiting on the queue, the queue's order decides from the first task on.
        ((ThreadPoolExecutor) workers).prestartAllCoreThreads();
        this.timer = Executors.newSingleThreadScheduledExecutor(named("terrace-retry"));
    }

    ApplyResult run() {
        Instant started = Instant.now();
        long toChange = plan.changes().stream().filter(change -> change.action().changesCloud()).count();
        emit(new EngineEvent.ApplyStarted(started, plan.stack(), (int) toChange, options.parallelism()));
        cancel.onCancel(this::cancelPending);
        try {
            List<Address> ready = new ArrayList<>();
            synchronized (this) {
                for (Address address : graph.nodes()) {
                    int count = graph.dependenciesOf(address).size();
                    waitingOn.put(address, count);
                    if (count == 0) {
                        ready.add(address);
                    }
                }
            }
            ready.sort(java.util.Comparator.comparing((Address address) -> -chainLength.get(address))
                    .thenComparing(java.util.Comparator.naturalOrder()));
            ready.forEach(address -> submit(address, 1));
            awaitAll();
        } finally {
            workers.shutdownNow();
            timer.shutdownNow();
        }
        Duration elapsed = Duration.between(started, Instant.now());
        List<ResourceOutcome> ordered = new ArrayList<>();
        synchronized (this) {
            plan.changes().forEach(change -> ordered.add(outcomes.get(change.address())));
        }
        emit(new EngineEvent.ApplyFinished(Instant.now(), plan.stack(), ordered, cancel.isCancelled(),
                elapsed));
        return new ApplyResult(executor.state(), ordered, cancel.isCancelled(), elapsed);
    }

    private synchronized void awaitAll() {
        while (reported < changes.size()) {
            try {
                wait();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                cancel.cancel();
                return;
            }
        }
    }

    /**
     * Counts, for each change, the cloud operations on the longest chain from it to the end of the
     * graph, itself included.
     */
    private Map<Address, Integer> chainLengths() {
        Map<Address, Integer> lengths = new HashMap<>();
        List<Address> order = new ArrayList<>(graph.topologicalOrder(java.util.Comparator.naturalOrder()));
        Collections.reverse(order);
        for (Address address : order) {
            int below = graph.dependentsOf(address).stream().mapToInt(lengths::get).max().orElse(0);
            lengths.put(address, below + (changes.get(address).action().changesCloud() ? 1 : 0));
        }
        return lengths;
    }

    private void submit(Address address, int attempt) {
        try {
            workers.execute(new Task(chainLength.get(address), address, () -> attempt(address, attempt)));
        } catch (java.util.concurrent.RejectedExecutionException shutDown) {
            finish(address, Status.SKIPPED, attempt - 1, Messages.CANCELLED, null);
        }
    }

    private void attempt(Address address, int attempt) {
        ResourceChange change = changes.get(address);
        if (cancel.isCancelled()) {
            finish(address, Status.SKIPPED, attempt - 1, Messages.CANCELLED, null);
            return;
        }
        synchronized (this) {
            firstAttempt.putIfAbsent(address, Instant.now());
            retries.remove(address);
        }
        if (change.action().changesCloud()) {
            emit(new EngineEvent.ResourceStarted(Instant.now(), address, change.action(), attempt));
        }
        try {
            executor.execute(change);
            finish(address, Status.SUCCEEDED, attempt, null, null);
        } catch (CloudException failed) {
            handleFailure(address, change, attempt, failed);
        } catch (RuntimeException | Error unexpected) {
            // Every change must reach an outcome, or the run would wait for it forever.
            LOG.error("Unexpected failure applying {} ({})", address, change.action(), unexpected);
            finish(address, Status.FAILED, attempt, unexpected.getClass().getSimpleName() + ": "
                    + unexpected.getMessage(), null);
            if (unexpected instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        }
    }

    private void handleFailure(Address address, ResourceChange change, int attempt, CloudException failed) {
        Duration spent;
        synchronized (this) {
            spent = Duration.between(firstAttempt.get(address), Instant.now());
        }
        Duration delay = options.retry().delayAfter(attempt, failed.retryDelay().orElse(null));
        boolean withinBudget = spent.plus(delay).compareTo(options.retry().budget()) <= 0;
        if (!failed.retryable() || !withinBudget || cancel.isCancelled()) {
            String message = failed.category() + ": " + failed.getMessage()
                    + (failed.retryable() && !withinBudget ? " (gave up after " + attempt + " attempts)" : "");
            LOG.warn("Applying {} failed for good: {}", address, message);
            finish(address, Status.FAILED, attempt, message, null);
            return;
        }
        LOG.info("Retrying {} in {} ms after attempt {}: {} {}", address, delay.toMillis(), attempt,
                failed.category(), failed.getMessage());
        emit(new EngineEvent.ResourceRetrying(Instant.now(), address, change.action(), attempt, delay,
                failed.category().name(), failed.getMessage()));
        synchronized (this) {
            if (outcomes.containsKey(address)) {
                return;
            }
            try {
                retries.put(address, timer.schedule(() -> submit(address, attempt + 1), delay.toMillis(),
                        TimeUnit.MILLISECONDS));
            } catch (java.util.concurrent.RejectedExecutionException shutDown) {
                // The run is ending; finish below records the resource as skipped.
            }
        }
        if (cancel.isCancelled()) {
            finish(address, Status.SKIPPED, attempt, Messages.CANCELLED, null);
        }
    }

    /** Records an outcome, releases dependents on success, and skips them on anything else. */
    private void finish(Address address, Status status, int attempts, String message, Address cause) {
        List<Address> nowReady = new ArrayList<>();
        List<ResourceOutcome> finished = new ArrayList<>();
        synchronized (this) {
            if (outcomes.containsKey(address)) {
                return;
            }
            ResourceOutcome outcome = outcome(address, status, attempts, message, cause);
            outcomes.put(address, outcome);
            finished.add(outcome);
            if (status == Status.SUCCEEDED) {
                for (Address dependent : graph.dependentsOf(address)) {
                    if (waitingOn.merge(dependent, -1, Integer::sum) == 0 && !outcomes.containsKey(dependent)) {
                        nowReady.add(dependent);
                    }
                }
            } else {
                Address root = cause != null ? cause : address;
                for (Address dependent : graph.transitiveDependentsOf(address)) {
                    if (!outcomes.containsKey(dependent)) {
                        ResourceOutcome skipped = outcome(dependent, Status.SKIPPED, 0,
                                status == Status.FAILED ? Messages.dependsOnFailed(root) : Messages.CANCELLED, root);
                        outcomes.put(dependent, skipped);
                        finished.add(skipped);
                        cancelRetry(dependent);
                    }
                }
            }
        }
        finished.forEach(outcome -> {
            if (outcome.status() != Status.SUCCEEDED || changes.get(outcome.address()).action().changesCloud()) {
                emit(new EngineEvent.ResourceFinished(Instant.now(), outcome));
            }
        });
        nowReady.forEach(ready -> submit(ready, 1));
        synchronized (this) {
            reported += finished.size();
            notifyAll();
        }
    }

    /**
     * Sends an event; a listener that fails is logged and ignored, because the cloud operation it
     * reports on has happened either way.
     */
    private void emit(EngineEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException failed) {
            LOG.error("A listener failed on {}", event.getClass().getSimpleName(), failed);
        }
    }

    private ResourceOutcome outcome(Address address, Status status, int attempts, String message, Address cause) {
        Instant first = firstAttempt.get(address);
        Duration elapsed = first == null ? Duration.ZERO : Duration.between(first, Instant.now());
        return new ResourceOutcome(address, changes.get(address).action(), status, attempts, elapsed, message, cause);
    }

    private void cancelRetry(Address address) {
        ScheduledFuture<?> pending = retries.remove(address);
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** On cancel, pending retries and unstarted changes end as skipped; running ones finish. */
    private void cancelPending() {
        List<Address> waiting;
        synchronized (this) {
            waiting = new ArrayList<>(retries.keySet());
            waiting.forEach(this::cancelRetry);
        }
        waiting.forEach(address -> finish(address, Status.SKIPPED, 0, Messages.CANCELLED, null));
        List<Address> unstarted;
        synchronized (this) {
            unstarted = graph.nodes().stream()
                    .filter(address -> !outcomes.containsKey(address) && !firstAttempt.containsKey(address))
                    .toList();
        }
        unstarted.forEach(address -> finish(address, Status.SKIPPED, 0, Messages.CANCELLED, null));
    }

    /** A queued operation; a longer chain behind it runs first, then the address decides. */
    private record Task(int chain, Address address, Runnable body) implements Runnable, Comparable<Task> {

        @Override
        public void run() {
            body.run();
        }

        @Override
        public int compareTo(Task other) {
            int byChain = Integer.compare(other.chain, chain);
            return byChain != 0 ? byChain : address.compareTo(other.address);
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Outcome messages, from the engine's bundle. */
    private static final class Messages {
        static final String CANCELLED = dev.terrace.core.diag.Messages.get("apply.cancelled");

        static String dependsOnFailed(Address root) {
            return dev.terrace.core.diag.Messages.get("apply.skipped_dependency", root);
        }
    }
}
