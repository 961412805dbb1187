package dev.terrace.core.plan;

import dev.terrace.core.apply.RetryPolicy;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.diag.Messages;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.graph.ResourceGraph;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.port.Observed;
import dev.terrace.core.spec.ApiSpec;
import dev.terrace.core.spec.Spec;
import dev.terrace.core.stack.Stack;
import dev.terrace.core.state.Journal;
import dev.terrace.core.state.State;
import dev.terrace.core.state.StateEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a plan: reads the enabled APIs once, refreshes every resource through its driver in
 * parallel (skipping those whose API is off), and compares what exists with what the stack wants.
 */
public final class Planner {

    private static final Logger LOG = LoggerFactory.getLogger(Planner.class);

    /** Maximum reads per resource in one refresh. Retrying is safe, because a read changes nothing. */
    private static final int READ_ATTEMPTS = 4;
    private static final RetryPolicy READ_RETRY = new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofSeconds(30));

    private final Gateway gateway;
    private final PlanOptions options;

    public Planner(Gateway gateway, PlanOptions options) {
        this.gateway = gateway;
        this.options = options;
    }

    public Plan plan(Stack stack, State state, Journal journal) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Set<String> enabled;
        try {
            enabled = gateway.enabledServices();
        } catch (CloudException failed) {
            diagnostics.add(Messages.diagnostic(Severity.ERROR, "plan.enabled_services_failed", gateway.describe(),
                    failed.getMessage()).build());
            return new Plan(stack.name(), gateway.project(), options.destroy(), List.of(), diagnostics);
        }

        List<Resource> desired = options.destroy() ? List.of()
                : stack.all().stream().filter(resource -> options.scope().test(resource.address())).toList();
        List<StateEntry> orphans = state.resources().values().stream()
                .filter(entry -> options.scope().test(entry.address()))
                .filter(entry -> options.destroy() || stack.find(entry.address()).isEmpty())
                .toList();

        Refresh refresh = new Refresh(gateway, enabled, options.parallelism());
        Map<Address, Refreshed> read = refresh.readAll(desired, orphans);

        ChangeBuilder builder = new ChangeBuilder(stack.name(), state, journal, enabled, diagnostics);
        Map<Address, ResourceChange> changes = new LinkedHashMap<>();
        for (Resource resource : desired) {
            builder.forDesired(resource, read.get(resource.address()), stack).ifPresent(change ->
                    changes.put(resource.address(), change));
        }
        for (StateEntry entry : orphans) {
            changes.put(entry.address(), builder.forOrphan(entry, read.get(entry.address()), stack));
        }
        return new Plan(stack.name(), gateway.project(), options.destroy(), order(changes), diagnostics);
    }

    /**
     * Orders creates and updates after their dependencies and deletes before the deletes of what
     * they depended on, breaking ties by chapter and address so that output is deterministic.
     */
    static List<ResourceChange> order(Map<Address, ResourceChange> changes) {
        Map<Address, Collection<Address>> edges = new LinkedHashMap<>();
        changes.forEach((address, change) -> edges.put(address, change.dependsOn()));
        Comparator<Address> byChapter = Comparator.comparing((Address address) -> changes.get(address).chapter())
                .thenComparing(Comparator.naturalOrder());
        List<Address> order;
        try {
            order = new ResourceGraph(edges).topologicalOrder(byChapter);
        } catch (IllegalStateException cycle) {
            // Validation reports cycles; here the plan keeps a readable order anyway.
            order = changes.keySet().stream().sorted(byChapter).toList();
        }
        return order.stream().map(changes::get).collect(Collectors.toList());
    }

    /** The result of one refresh read: the object, nothing, or an error. */
    record Refreshed(Optional<Observed<Spec>> observed, CloudException error, String disabledApi) {
    }

    /** Runs the reads on a bounded pool; a resource whose API is off is not read. */
    private static final class Refresh {
        private final Gateway gateway;
        private final Set<String> enabled;
        private final int parallelism;

        Refresh(Gateway gateway, Set<String> enabled, int parallelism) {
            this.gateway = gateway;
            this.enabled = enabled;
            this.parallelism = parallelism;
        }

        Map<Address, Refreshed> readAll(List<Resource> desired, List<StateEntry> orphans) {
            Map<Address, Spec> toRead = new LinkedHashMap<>();
            desired.forEach(resource -> toRead.put(resource.address(), resource.spec()));
            orphans.forEach(entry -> toRead.put(entry.address(), entry.spec()));
            Map<Address, CompletableFuture<Refreshed>> futures = new LinkedHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, toRead.size())),
                    runnable -> {
                        Thread thread = new Thread(runnable, "terrace-refresh");
                        thread.setDaemon(true);
                        return thread;
                    });
            try {
                toRead.forEach((address, spec) -> futures.put(address,
                        CompletableFuture.supplyAsync(() -> readOne(address, spec), pool)));
                Map<Address, Refreshed> out = new LinkedHashMap<>();
                futures.forEach((address, future) -> out.put(address, future.join()));
                return out;
            } finally {
                pool.shutdownNow();
            }
        }

        private Refreshed readOne(Address address, Spec spec) {
            ResourceKind kind = address.kind();
            if (kind == ResourceKind.API) {
                String service = ((ApiSpec) spec).service();
                return new Refreshed(enabled.contains(service) ? Optional.of(Observed.of(spec)) : Optional.empty(),
                        null, null);
            }
            if (!enabled.contains(kind.apiService())) {
                return new Refreshed(Optional.empty(), null, kind.apiService());
            }
            Driver<Spec> driver = gateway.driver(kind);
            for (int attempt = 1; ; attempt++) {
                try {
                    return new Refreshed(driver.read(spec), null, null);
                } catch (CloudException failed) {
                    if (!failed.retryable() || attempt == READ_ATTEMPTS) {
                        LOG.warn("Refresh of {} failed: {} ({})", address, failed.getMessage(), failed.category());
                        return new Refreshed(Optional.empty(), failed, null);
                    }
                    Duration delay = READ_RETRY.delayAfter(attempt, failed.retryDelay().orElse(null));
                    LOG.info("Retrying the refresh of {} in {} ms: {} {}", address, delay.toMillis(),
                            failed.category(), failed.getMessage());
                    if (!sleep(delay)) {
                        return new Refreshed(Optional.empty(), failed, null);
                    }
                }
            }
        }

        private static boolean sleep(Duration delay) {
            try {
                Thread.sleep(delay.toMillis());
                return true;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
