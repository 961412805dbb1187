package dev.terrace.gcp.bench;

import dev.terrace.core.Guide;
import dev.terrace.core.apply.ApplyOptions;
import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.engine.Engine;
import dev.terrace.core.graph.CriticalPath;
import dev.terrace.core.graph.ResourceGraph;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.PlanOptions;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.stack.Stack;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.emulator.fault.FaultRule;
import dev.terrace.emulator.requestlog.RequestRecord;
import dev.terrace.gcp.GcpGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Applies the guide's infrastructure through the adapter and the official clients, leaving out
 * Cloud Run and Scheduler, which wait on a rollout. The emulator adds the core benchmark's
 * latencies: 200 ms to each call that creates or changes, 50 ms to each read. Prints wall time,
 * the lower bound max(critical path, total work / parallelism) at 200 ms per change, their ratio,
 * and the emulator requests per change, then the last run's requests by method, which account
 * for every request counted.
 *
 * <p>Arguments: {@code [RUNS]} (default 3).
 */
public final class GuideStackLatencyBenchmark {

    private static final Duration CHANGE = Duration.ofMillis(200);
    private static final Duration READ = Duration.ofMillis(50);
    private static final Set<ResourceKind> NEED_IMAGE = Set.of(ResourceKind.RUN_SERVICE, ResourceKind.RUN_JOB,
            ResourceKind.SCHEDULER_JOB);

    private GuideStackLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.printf(Locale.ROOT, "Injected latency: %d ms per create or change call, %d ms per read.%n%n",
                CHANGE.toMillis(), READ.toMillis());
        System.out.println("| run | changes | wall s | lower bound s | ratio | emulator requests | requests per change |");
        System.out.println("|---|---|---|---|---|---|---|");
        Map<String, Long> byMethod = Map.of();
        for (int run = 1; run <= runs; run++) {
            byMethod = measure(run);
        }
        System.out.println();
        System.out.println("Requests of the last run's apply by method:");
        System.out.println();
        System.out.println("| method | status | requests |");
        System.out.println("|---|---|---|");
        byMethod.forEach((methodAndStatus, count) -> {
            String[] parts = methodAndStatus.split(" ");
            System.out.printf(Locale.ROOT, "| `%s` | %s | %d |%n", parts[0], parts[1], count);
        });
    }

    /** Applies once and returns the apply's requests counted by method and status code. */
    private static Map<String, Long> measure(int run) throws Exception {
        Stack stack = Guide.stack();
        Path stateRoot = Files.createTempDirectory("terrace-bench");
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().projectId(stack.settings().project())
                .region(stack.settings().region()).build());
                GcpGateway gateway = GcpGateway.sandbox(stack.settings().project(), stack.settings().region(),
                        emulator.endpoints().grpcTarget(), emulator.endpoints().storageHost())) {
            injectLatencies(emulator);
            Engine engine = new Engine(gateway, stateRoot, null);
            Plan plan = engine.plan(stack, new PlanOptions(PlanOptions.DEFAULT_PARALLELISM, false,
                    address -> !NEED_IMAGE.contains(address.kind())));

            int before = emulator.requestLog().records().size();
            long started = System.nanoTime();
            ApplyResult result = engine.apply(stack, plan, ApplyOptions.defaults(), null);
            double wall = (System.nanoTime() - started) / 1e9;
            List<RequestRecord> applyRequests = emulator.requestLog().records().stream().skip(before).toList();
            int requests = applyRequests.size();
            if (!result.succeeded()) {
                throw new IllegalStateException("The benchmark apply failed: " + result.outcomes());
            }

            long changes = plan.changes().stream().filter(change -> change.action().changesCloud()).count();
            double bound = lowerBound(plan);
            System.out.printf(Locale.ROOT, "| %d | %d | %.2f | %.2f | %.2f | %d | %.1f |%n", run, changes, wall, bound,
                    wall / bound, requests, requests / (double) changes);
            return applyRequests.stream().collect(Collectors.groupingBy(
                    record -> record.method() + " " + record.code(), TreeMap::new, Collectors.counting()));
        }
    }

    /** Gives every call that creates or changes 200 ms and every read 50 ms, as the core benchmark does. */
    private static void injectLatencies(Emulator emulator) {
        for (String changing : new String[] {"*/Create*", "*/Enable*", "*/Set*", "*/Update*", "*/Patch*",
            "storage.buckets.insert", "storage.buckets.setIamPolicy", "storage.buckets.patch"}) {
            emulator.faults().add(FaultRule.on(changing).latency(CHANGE).build());
        }
        for (String reading : new String[] {"*/Get*", "*/List*", "storage.buckets.get", "storage.buckets.getIamPolicy"}) {
            emulator.faults().add(FaultRule.on(reading).latency(READ).build());
        }
    }

    private static double lowerBound(Plan plan) {
        Map<Address, Collection<Address>> edges = new LinkedHashMap<>();
        Map<Address, Duration> work = new LinkedHashMap<>();
        for (ResourceChange change : plan.changes()) {
            edges.put(change.address(), change.dependsOn());
            work.put(change.address(), change.action().changesCloud() ? CHANGE : Duration.ZERO);
        }
        CriticalPath critical = new ResourceGraph(edges).criticalPath(work::get);
        double total = work.values().stream().mapToLong(Duration::toMillis).sum() / 1000.0;
        return Math.max(critical.length().toMillis() / 1000.0, total / PlanOptions.DEFAULT_PARALLELISM);
    }
}
