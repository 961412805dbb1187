package dev.terrace.desktop.cost;

import dev.terrace.core.cost.CostEstimator;
import dev.terrace.core.cost.Estimate;
import dev.terrace.core.cost.PriceBook;
import dev.terrace.core.cost.Usage;
import dev.terrace.core.cost.UsageReader;
import dev.terrace.core.cost.UsageResult;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.stack.Stack;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.session.Workspace;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current cost estimate of the open stack, shared by the cost screen and the chapter panels:
 * the usage read from the stack, the what-if usage the sliders set, and the estimate of the
 * latter. The estimate is recomputed on the calling thread (the UI thread in the console) at
 * every change, because the estimator is pure and fast: for the guide's stack its median was
 * 0.4 ms in {@code benchmarks/run.sh --cost} and about 1 ms on a 2-core VM under a load of 16.
 * Recomputes over {@link #SLOW} are logged.
 */
public final class CostModel {

    /** The maximum recompute time that still feels immediate while a slider moves. */
    public static final Duration SLOW = Duration.ofMillis(50);

    private static final Logger LOG = LoggerFactory.getLogger(CostModel.class);
    private static final UsageResult NO_STACK = new UsageResult(Optional.empty(), List.of());

    private final PriceBook book;
    private final ObjectProperty<UsageResult> stackUsage = new SimpleObjectProperty<>(this, "stackUsage", NO_STACK);
    private final ObjectProperty<Usage> usage = new SimpleObjectProperty<>(this, "usage");
    private final ObjectProperty<Estimate> estimate = new SimpleObjectProperty<>(this, "estimate");
    private Stack stack;
    private Duration lastRecompute = Duration.ZERO;
    private long slowRecomputes;

    public CostModel(ConsoleModel model, PriceBook book) {
        this.book = book;
        model.workspaceProperty().addListener((observable, before, after) -> open(after));
        open(model.workspace());
    }

    /** Returns the usage read from the stack file (with the defaults under it) and its diagnostics. */
    public ReadOnlyObjectProperty<UsageResult> stackUsageProperty() {
        return stackUsage;
    }

    /** Returns the usage the estimate assumes now; null when no stack is open or its usage is invalid. */
    public ReadOnlyObjectProperty<Usage> usageProperty() {
        return usage;
    }

    public Usage usage() {
        return usage.get();
    }

    /** Returns the estimate of the open stack under {@link #usage()}; null when there is none. */
    public ReadOnlyObjectProperty<Estimate> estimateProperty() {
        return estimate;
    }

    public Estimate estimate() {
        return estimate.get();
    }

    /** Returns the address names of the open stack's buckets, in stack order. */
    public List<String> buckets() {
        if (stack == null) {
            return List.of();
        }
        return stack.all().stream().map(Resource::address).filter(address -> address.kind() == ResourceKind.BUCKET)
                .map(Address::name).toList();
    }

    public PriceBook priceBook() {
        return book;
    }

    /** Returns how long the last recompute took. */
    public Duration lastRecompute() {
        return lastRecompute;
    }

    /** Estimates the open stack under another usage; does nothing while no valid usage is open. */
    public void setUsage(Usage whatIf) {
        if (stack == null || usage.get() == null) {
            return;
        }
        usage.set(whatIf);
        recompute();
    }

    /** Goes back to the usage the stack file states. */
    public void resetToStack() {
        usage.set(stackUsage.get().usage().orElse(null));
        recompute();
    }

    private void open(Workspace workspace) {
        stack = workspace == null ? null : workspace.stack();
        UsageResult read = stack == null ? NO_STACK : UsageReader.read(stack, null);
        for (Diagnostic diagnostic : read.diagnostics()) {
            LOG.info("Usage of stack {}: {}", stack.name(), diagnostic.summary());
        }
        stackUsage.set(read);
        resetToStack();
    }

    private void recompute() {
        Usage current = usage.get();
        if (stack == null || current == null) {
            estimate.set(null);
            return;
        }
        long start = System.nanoTime();
        Estimate computed = CostEstimator.estimate(stack, current, book);
        lastRecompute = Duration.ofNanos(System.nanoTime() - start);
        if (lastRecompute.compareTo(SLOW) > 0) {
            logSlow();
        }
        estimate.set(computed);
    }

    /**
     * Logs a slow recompute at WARN when the count of slow ones reaches 1, 10, 100 and so on, and at
     * DEBUG otherwise, so that a loaded machine, where every slider step may be slow, does not fill the log.
     */
    private void logSlow() {
        slowRecomputes++;
        boolean milestone = Long.toString(slowRecomputes).matches("10*");
        if (milestone) {
            LOG.warn("Cost recompute of stack {} took {} ms, over the {} ms that keeps a slider smooth ({} slow so far)",
                    stack.name(), lastRecompute.toMillis(), SLOW.toMillis(), slowRecomputes);
        } else {
            LOG.debug("Cost recompute of stack {} took {} ms", stack.name(), lastRecompute.toMillis());
        }
    }
}
