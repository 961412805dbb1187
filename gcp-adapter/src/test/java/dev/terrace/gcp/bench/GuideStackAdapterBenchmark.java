package dev.terrace.gcp.bench;

import dev.terrace.core.Guide;
import dev.terrace.core.apply.ApplyOptions;
import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.engine.Engine;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.model.Resource;
import dev.terrace.core.plan.PlanOptions;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.core.stack.Stack;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.gcp.GcpGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Measures the guide's stack through the engine, the adapter and the official clients against an
 * in-process emulator, and prints a Markdown table: wall time and emulator requests per step. The
 * emulator adds no latency, so the times are the cost of Terrace, the clients and the local wire.
 *
 * <p>Arguments: {@code [RUNS]} (default 3); each run uses a fresh emulator and state folder.
 */
public final class GuideStackAdapterBenchmark {

    private static final Set<ResourceKind> NEED_IMAGE = Set.of(ResourceKind.RUN_SERVICE, ResourceKind.RUN_JOB,
            ResourceKind.SCHEDULER_JOB);

    private GuideStackAdapterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.println("| run | step | wall time (ms) | emulator requests |");
        System.out.println("|---|---|---|---|");
        for (int run = 1; run <= runs; run++) {
            for (String row : measure()) {
                System.out.println("| " + run + " | " + row + " |");
            }
        }
    }

    private static List<String> measure() throws Exception {
        Stack stack = Guide.stack();
        Path stateRoot = Files.createTempDirectory("terrace-bench");
        List<String> rows = new ArrayList<>();
        long started = System.nanoTime();
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().projectId(stack.settings().project())
                .region(stack.settings().region()).build());
                GcpGateway gateway = GcpGateway.sandbox(stack.settings().project(), stack.settings().region(),
                        emulator.endpoints().grpcTarget(), emulator.endpoints().storageHost())) {
            rows.add(row("start emulator", started, emulator, 0));
            Engine engine = new Engine(gateway, stateRoot, null);
            PlanOptions infrastructure = new PlanOptions(PlanOptions.DEFAULT_PARALLELISM, false,
                    address -> !NEED_IMAGE.contains(address.kind()));

            step(rows, "apply infrastructure (plan + apply)", emulator, () -> engine.apply(stack,
                    engine.plan(stack, infrastructure), ApplyOptions.defaults(), null));
            for (Resource resource : stack.all()) {
                if (resource.spec() instanceof SecretSpec secret) {
                    gateway.secretValues().add(secret.secretId(), "value".getBytes(StandardCharsets.UTF_8));
                }
            }
            emulator.publishImage(stack.settings().repositoryId(), stack.settings().imageName(),
                    stack.settings().imageTag());
            step(rows, "apply the rest (plan + apply)", emulator, () -> engine.apply(stack,
                    engine.plan(stack, PlanOptions.defaults()), ApplyOptions.defaults(), null));
            step(rows, "plan with no changes", emulator, () -> engine.plan(stack, PlanOptions.defaults()));
            step(rows, "destroy (plan + apply)", emulator, () -> engine.apply(stack,
                    engine.plan(stack, PlanOptions.defaults().withDestroy(true)), ApplyOptions.defaults(), null));
        }
        return rows;
    }

    private static void step(List<String> rows, String name, Emulator emulator, Supplier<Object> work) {
        int before = emulator.requestLog().records().size();
        long started = System.nanoTime();
        Object result = work.get();
        if (result instanceof ApplyResult applied && !applied.succeeded()) {
            throw new IllegalStateException(name + " failed: " + applied.outcomes());
        }
        rows.add(row(name, started, emulator, before));
    }

    private static String row(String name, long startedNanos, Emulator emulator, int requestsBefore) {
        long millis = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        return name + " | " + millis + " | " + (emulator.requestLog().records().size() - requestsBefore);
    }
}
