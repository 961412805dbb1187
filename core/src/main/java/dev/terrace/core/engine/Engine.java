package dev.terrace.core.engine;

import dev.terrace.core.apply.ApplyOptions;
import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.apply.Applier;
import dev.terrace.core.apply.CancelToken;
import dev.terrace.core.event.EngineEvent;
import dev.terrace.core.event.EngineListener;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.PlanOptions;
import dev.terrace.core.plan.Planner;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.stack.Stack;
import dev.terrace.core.state.RunLog;
import dev.terrace.core.state.State;
import dev.terrace.core.state.StateLock;
import dev.terrace.core.state.StateStore;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The use cases the CLI and the console share: plan a stack, apply a plan, each leaving its
 * event log in the stack's state folder.
 */
public final class Engine {

    private final Gateway gateway;
    private final Path stateRoot;
    private final EngineListener listener;

    public Engine(Gateway gateway, Path stateRoot, EngineListener listener) {
        this.gateway = gateway;
        this.stateRoot = stateRoot;
        this.listener = listener == null ? EngineListener.NONE : listener;
    }

    public StateStore store(Stack stack) {
        return new StateStore(stateRoot, gateway.project(), stack.name());
    }

    public State state(Stack stack) {
        return store(stack).load();
    }

    /** Refreshes and diffs the stack. The plan's diagnostics state what blocks an apply. */
    public Plan plan(Stack stack, PlanOptions options) {
        StateStore store = store(stack);
        try (RunLog log = RunLog.open(store.runsFolder(), options.destroy() ? "plan-destroy" : "plan")) {
            log.note("started", "plan of " + stack.file() + " on " + gateway.describe());
            Plan plan = new Planner(gateway, options).plan(stack, store.load(), store.journal());
            EngineEvent.PlanFinished finished = new EngineEvent.PlanFinished(Instant.now(), plan);
            log.onEvent(finished);
            listener.onEvent(finished);
            return plan;
        }
    }

    /** Takes the stack's lock for an apply or destroy; close it when the run ends. */
    public StateLock lock(Stack stack, String command, boolean forceUnlock) {
        return store(stack).lock(command, forceUnlock);
    }

    /** Applies a plan; the caller holds the lock from {@link #lock}. */
    public ApplyResult apply(Stack stack, Plan plan, ApplyOptions options, CancelToken cancel) {
        StateStore store = store(stack);
        try (RunLog log = RunLog.open(store.runsFolder(), plan.destroy() ? "destroy" : "apply")) {
            log.note("started", (plan.destroy() ? "destroy" : "apply") + " of " + stack.file() + " on "
                    + gateway.describe());
            return new Applier(gateway, options, log.andThen(listener)).apply(plan, store, cancel);
        }
    }
}
