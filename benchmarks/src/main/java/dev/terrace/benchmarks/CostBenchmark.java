package dev.terrace.benchmarks;

import dev.terrace.core.cost.CostEstimator;
import dev.terrace.core.cost.PriceBook;
import dev.terrace.core.cost.Usage;
import dev.terrace.core.engine.Validation;
import dev.terrace.core.stack.Stack;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures how long the cost estimator takes to recompute a stack after one usage figure changes,
 * as a console slider does, and prints the median, the 99th percentile and the maximum.
 */
public final class CostBenchmark {

    private static final int WARMUP = 5_000;
    private static final int RUNS = 2_000;

    private CostBenchmark() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "examples/guide/terrace.yaml");
        Stack stack = Validation.of(file).usableStack().orElseThrow(() -> new IllegalStateException(
                file + " has errors; run terrace validate on it"));
        PriceBook book = PriceBook.bundled();
        Usage base = Usage.defaults();

        for (int i = 0; i < WARMUP; i++) {
            CostEstimator.estimate(stack, base.withRequestsPerMonth(BigDecimal.valueOf(i * 997L)), book);
        }

        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            Usage changed = base.withRequestsPerMonth(BigDecimal.valueOf(i * 5_003L));
            long started = System.nanoTime();
            CostEstimator.estimate(stack, changed, book);
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);

        System.out.println("| stack | recomputes | median ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|");
        System.out.println(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |", file.getFileName(), RUNS,
                nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6, nanos[RUNS - 1] / 1e6));
    }
}
