package dev.terrace.session;

import dev.terrace.core.apply.ApplyOptions;
import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.apply.CancelToken;
import dev.terrace.core.engine.Engine;
import dev.terrace.core.event.EngineListener;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.PlanOptions;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.port.JobExecution;
import dev.terrace.core.port.LogEntry;
import dev.terrace.core.port.LogQuery;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.core.spec.RunJobSpec;
import dev.terrace.core.stack.Stack;
import dev.terrace.core.state.StateLock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One stack opened on one gateway, with the steps a front end runs on it: plan with preflight,
 * apply under the stack's lock, run the deploy jobs, read status and logs. Every method blocks,
 * so a console calls them on a background thread.
 */
public final class Workspace implements AutoCloseable {

    /** How long a deploy waits for each of its jobs, such as migrate. */
    public static final Duration JOB_LIMIT = Duration.ofMinutes(15);

    private final Stack stack;
    private final Gateway gateway;
    private final java.nio.file.Path stateRoot;

    public Workspace(Stack stack, Gateway gateway, java.nio.file.Path stateRoot) {
        this.stack = Objects.requireNonNull(stack, "stack");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.stateRoot = Objects.requireNonNull(stateRoot, "stateRoot");
    }

    public Stack stack() {
        return stack;
    }

    public Gateway gateway() {
        return gateway;
    }

    public java.nio.file.Path stateRoot() {
        return stateRoot;
    }

    /**
     * Returns a workspace on the same gateway with the stack read again, such as after an edit.
     *
     * @throws IllegalArgumentException when the edited stack names another project, which needs
     *     a new connection
     */
    public Workspace withStack(Stack edited) {
        if (!edited.settings().project().equals(gateway.project())) {
            throw new IllegalArgumentException("The stack now names project " + edited.settings().project()
                    + " but the console is connected to " + gateway.project() + "; open the stack again to connect");
        }
        return new Workspace(edited, gateway, stateRoot);
    }

    public boolean isSandbox() {
        return gateway instanceof Sandbox;
    }

    /** Plans the resources the scope accepts and adds the preflight diagnostics. */
    public Plan plan(Predicate<Address> scope, boolean destroy, EngineListener listener) {
        Engine engine = new Engine(gateway, stateRoot, listener);
        Plan plan = engine.plan(stack, new PlanOptions(PlanOptions.DEFAULT_PARALLELISM, destroy, scope));
        return PreflightStep.addTo(plan, stack, gateway);
    }

    /** Plans the resources of some chapters only. */
    public Plan planChapters(java.util.Set<Chapter> chapters, EngineListener listener) {
        return plan(address -> stack.find(address).map(resource -> chapters.contains(resource.chapter()))
                .orElse(false), false, listener);
    }

    /**
     * Applies a plan under the stack's lock. On the sandbox the operator steps run too (see
     * {@link Sandbox#operatorSteps}).
     *
     * @throws dev.terrace.core.state.StateLockedException when another run holds the lock
     */
    public ApplyResult apply(Plan plan, CancelToken cancel, EngineListener listener) {
        EngineListener all = listener == null ? EngineListener.NONE : listener;
        if (gateway instanceof Sandbox sandbox) {
            all = all.andThen(sandbox.operatorSteps(stack, secretId -> { }));
        }
        Engine engine = new Engine(gateway, stateRoot, all);
        try (StateLock lock = engine.lock(stack, plan.destroy() ? "destroy" : "apply", false)) {
            return engine.apply(stack, plan, ApplyOptions.defaults(), cancel);
        }
    }

    /** Returns the jobs a first deploy runs once, in order: migrate before collectstatic. */
    public List<Resource> deployJobs() {
        List<Resource> jobs = new ArrayList<>();
        for (Resource resource : stack.all()) {
            if (resource.chapter() == Chapter.FIRST_DEPLOY && resource.address().kind() == ResourceKind.RUN_JOB) {
                jobs.add(resource);
            }
        }
        jobs.sort((left, right) -> Boolean.compare(!isMigrate(left), !isMigrate(right)));
        return jobs;
    }

    private static boolean isMigrate(Resource resource) {
        return resource.address().name().contains("migrate");
    }

    /**
     * Runs the deploy jobs one after another and stops at the first that does not succeed.
     * {@code progress} hears each job's address before it starts and each execution when it ends.
     */
    public List<JobExecution> runDeployJobs(Consumer<Address> starting, Consumer<JobExecution> finished) {
        List<JobExecution> executions = new ArrayList<>();
        for (Resource job : deployJobs()) {
            starting.accept(job.address());
            JobExecution execution = gateway.jobRuns().runAndWait((RunJobSpec) job.spec(), JOB_LIMIT);
            executions.add(execution);
            finished.accept(execution);
            if (!execution.succeeded()) {
                break;
            }
        }
        return executions;
    }

    /** Reads one resource's status; on the sandbox a service's status carries its /health/ answer. */
    public ResourceStatus status(Resource resource) {
        ResourceStatus status = gateway.status().status(resource.spec());
        return isSandbox() ? HealthCheck.addTo(status) : status;
    }

    public List<LogEntry> logs(LogQuery query) {
        return gateway.logs().entries(query);
    }

    @Override
    public void close() {
        gateway.close();
    }
}
