package dev.terrace.core.apply;

import dev.terrace.core.event.EngineListener;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.state.StateStore;

/**
 * Executes a plan over its dependency graph: each change starts as soon as the changes it waits
 * for succeeded, up to the parallelism limit, with no barrier between layers. Retryable errors are
 * retried with backoff; a permanent failure skips the changes that depend on it while independent
 * ones finish. State is saved after each resource, and the result is returned also on failure or
 * cancel.
 */
public final class Applier {

    private final Gateway gateway;
    private final ApplyOptions options;
    private final EngineListener listener;

    public Applier(Gateway gateway, ApplyOptions options, EngineListener listener) {
        this.gateway = gateway;
        this.options = options;
        this.listener = listener == null ? EngineListener.NONE : listener;
    }

    /**
     * Applies the plan starting from the state in the store.
     *
     * @throws IllegalArgumentException when the plan has error diagnostics
     */
    public ApplyResult apply(Plan plan, StateStore store, CancelToken cancel) {
        if (plan.hasErrors()) {
            throw new IllegalArgumentException("A plan with errors cannot be applied; fix the errors and plan again.");
        }
        ChangeExecutor executor = new ChangeExecutor(gateway, store);
        try {
            return new ApplyRun(plan, executor, options, listener, cancel == null ? new CancelToken() : cancel).run();
        } finally {
            executor.flushJournal();
        }
    }
}
