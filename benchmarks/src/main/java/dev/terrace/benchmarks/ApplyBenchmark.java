package dev.terrace.benchmarks;

import dev.terrace.core.apply.ApplyOptions;
import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.apply.Applier;
import dev.terrace.core.apply.RetryPolicy;
import dev.terrace.core.engine.Validation;
import dev.terrace.core.graph.CriticalPath;
import dev.terrace.core.graph.ResourceGraph;
import dev.terrace.core.memory.MemoryGateway;
import dev.terrace.core.memory.MemoryGatewayOptions;
import dev.terrace.core.memory.Operation;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.PlanOptions;
import dev.terrace.core.plan.Planner;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.stack.Stack;
import dev.terrace.core.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Measures apply and plan on the in-memory gateway with injected latencies and prints a Markdown
 * table: wall time, the lower bound max(critical path, total work / parallelism), and their
 * ratio, for the DAG walk at the default parallelism, at parallelism 1, and for a
 * layer-by-layer walk.
 *
 * <p>Arguments: {@code GUIDE_STACK_FILE [--skip-serial]}.
 */
public final class ApplyBenchmark {

    private static final Duration CREATE = Duration.ofMillis(200);
    private static final Duration READ = Duration.ofMillis(50);
    private static final int PARALLELISM = 10;
    /** Runs per guide row; the table shows the median, since a shared machine adds noise. */
    private static final int GUIDE_REPEATS = 5;

    private ApplyBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Stack guide = Validation.of(Path.of(args[0])).usableStack()
                .orElseThrow(() -> new IllegalArgumentException(args[0] + " is not a valid stack"));
        boolean skipSerial = Arrays.asList(args).contains("--skip-serial");
        Stack generated = GeneratedStack.of(1000, 42);

        System.out.printf(Locale.ROOT, "Latencies: create %d ms, read %d ms, enabled-services read %d ms.%n%n",
                CREATE.toMillis(), READ.toMillis(), READ.toMillis());
        // Warm up the JIT and the class loader on one untimed apply, so the first row is not slower for it.
        runApply(guide, PARALLELISM, false);
        System.out.printf(Locale.ROOT, "Guide rows: median of %d runs. Generated rows: one run.%n%n", GUIDE_REPEATS);
        System.out.println("| stack | walk | parallelism | changes | wall s | lower bound s | ratio |");
        System.out.println("|---|---|---|---|---|---|---|");
        measureApply("guide", guide, PARALLELISM, false, GUIDE_REPEATS);
        measureApply("guide", guide, 1, false, GUIDE_REPEATS);
        measureApply("guide", guide, PARALLELISM, true, GUIDE_REPEATS);
        measureApply("generated 1,000", generated, PARALLELISM, false, 1);
        if (!skipSerial) {
            measureApply("generated 1,000", generated, 1, false, 1);
        }
        measureApply("generated 1,000", generated, PARALLELISM, true, 1);
        System.out.println();
        measurePlan(generated);
    }

    /** Applies the stack {@code repeats} times on fresh clouds and reports the median run. */
    private static void measureApply(String name, Stack stack, int parallelism, boolean layered, int repeats)
            throws IOException {
        List<Measured> runs = new ArrayList<>();
        for (int run = 0; run < repeats; run++) {
            runs.add(runApply(stack, parallelism, layered));
        }
        runs.sort(java.util.Comparator.comparingDouble(Measured::wallSeconds));
        Measured measured = runs.get(runs.size() / 2);
        Plan plan = measured.plan();
        double wall = measured.wallSeconds();

        Map<Address, Duration> work = new HashMap<>();
        plan.changes().forEach(change -> work.put(change.address(),
                change.action().changesCloud() ? CREATE : Duration.ZERO));
        CriticalPath critical = graphOf(plan.changes()).criticalPath(work::get);
        double total = work.values().stream().mapToLong(Duration::toMillis).sum() / 1000.0;
        double bound = Math.max(critical.length().toMillis() / 1000.0, total / parallelism);
        long changes = plan.changes().stream().filter(change -> change.action().changesCloud()).count();
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.2f | %.2f | %.3f |%n", name,
                layered ? "layer by layer" : "dependency graph", parallelism, changes, wall, bound, wall / bound);
    }

    private record Measured(Plan plan, double wallSeconds) {
    }

    private static Measured runApply(Stack stack, int parallelism, boolean layered) throws IOException {
        Path stateRoot = Files.createTempDirectory("terrace-bench");
        MemoryGateway cloud = cloud(stack);
        Plan plan = new Planner(cloud, new PlanOptions(PARALLELISM, false, null))
                .plan(stack, new StateStore(stateRoot, stack.settings().project(), stack.name()).load(),
                        new StateStore(stateRoot, stack.settings().project(), stack.name()).journal());
        StateStore store = new StateStore(stateRoot, stack.settings().project(), stack.name());
        ApplyOptions options = new ApplyOptions(parallelism, RetryPolicy.defaults());

        long start = System.nanoTime();
        boolean succeeded = layered ? applyLayered(cloud, plan, store, options) : new Applier(cloud, options, null)
                .apply(plan, store, null).succeeded();
        double wall = (System.nanoTime() - start) / 1e9;
        if (!succeeded) {
            throw new IllegalStateException("The benchmark apply of " + stack.name() + " failed");
        }
        return new Measured(plan, wall);
    }

    /** Applies one layer at a time, each waiting for the whole previous layer: the walk Terrace avoids. */
    private static boolean applyLayered(MemoryGateway cloud, Plan plan, StateStore store, ApplyOptions options) {
        Map<Integer, List<ResourceChange>> layers = new TreeMap<>();
        Map<Address, Integer> depth = new HashMap<>();
        for (ResourceChange change : plan.changes()) {
            int layer = change.dependsOn().stream().filter(depth::containsKey).mapToInt(depth::get).max().orElse(-1) + 1;
            depth.put(change.address(), layer);
            layers.computeIfAbsent(layer, key -> new ArrayList<>()).add(change);
        }
        for (List<ResourceChange> layer : layers.values()) {
            Plan part = new Plan(plan.stack(), plan.project(), false, layer, List.of());
            ApplyResult result = new Applier(cloud, options, null).apply(part, store, null);
            if (!result.succeeded()) {
                return false;
            }
        }
        return true;
    }

    private static void measurePlan(Stack stack) throws IOException {
        Path stateRoot = Files.createTempDirectory("terrace-bench");
        MemoryGateway cloud = cloud(stack);
        StateStore store = new StateStore(stateRoot, stack.settings().project(), stack.name());
        long start = System.nanoTime();
        Plan plan = new Planner(cloud, new PlanOptions(PARALLELISM, false, null)).plan(stack, store.load(),
                store.journal());
        double wall = (System.nanoTime() - start) / 1e9;
        long reads = cloud.callCounts().get(Operation.READ);
        double target = reads / (double) PARALLELISM * READ.toMillis() / 1000.0;
        System.out.println("| plan of | reads | parallelism | wall s | reads / parallelism x read latency s | ratio |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| generated 1,000 (%d changes) | %d | %d | %.2f | %.2f | %.3f |%n",
                plan.changes().size(), reads, PARALLELISM, wall, target, wall / target);
    }

    private static MemoryGateway cloud(Stack stack) {
        Set<String> everyApi = Arrays.stream(ResourceKind.values()).map(ResourceKind::apiService)
                .collect(Collectors.toSet());
        boolean guide = stack.all().stream().anyMatch(resource -> resource.kind() == ResourceKind.API);
        MemoryGatewayOptions options = MemoryGatewayOptions.of(stack.settings().project())
                .withLatency(Map.of(Operation.CREATE, CREATE, Operation.READ, READ, Operation.ENABLED_SERVICES, READ));
        return new MemoryGateway(guide ? options : new MemoryGatewayOptions(options.project(), options.latency(),
                List.of(), 1, null, everyApi));
    }

    private static ResourceGraph graphOf(List<ResourceChange> changes) {
        Map<Address, Collection<Address>> edges = new LinkedHashMap<>();
        changes.forEach(change -> edges.put(change.address(), change.dependsOn()));
        return new ResourceGraph(edges);
    }
}
