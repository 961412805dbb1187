package dev.terrace.desktop.deploy;

import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.apply.CancelToken;
import dev.terrace.core.apply.ResourceOutcome;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.event.EngineEvent;
import dev.terrace.core.event.EngineListener;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.port.JobExecution;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.desktop.Texts;
import dev.terrace.desktop.deploy.DeployStep.State;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.task.UpdateBatcher;
import dev.terrace.session.HealthCheck;
import dev.terrace.session.Workspace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The one-click deploy of the first-deploy chapter: preflight and plan, the plan shown for
 * confirmation, apply with progress per resource, the migrate and collectstatic jobs, and a
 * health check of the service. A chapter's apply takes the same path and stops after the apply.
 */
public final class DeployViewModel {

    private final ConsoleModel model;
    private final Runnable afterDeploy;
    private final ObjectProperty<DeployPhase> phase = new SimpleObjectProperty<>(this, "phase", DeployPhase.IDLE);
    private final ObjectProperty<Plan> plan = new SimpleObjectProperty<>(this, "plan");
    private final ObservableList<DeployStep> steps = FXCollections.observableArrayList();
    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
    private final ObservableList<String> failures = FXCollections.observableArrayList();
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final BooleanProperty needsTypedConfirmation = new SimpleBooleanProperty(this, "needsTypedConfirmation");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final StringProperty scope = new SimpleStringProperty(this, "scope", "");
    private final StringProperty serviceUrl = new SimpleStringProperty(this, "serviceUrl", "");
    private final Map<String, DeployStep> stepsBySubject = new HashMap<>();
    private final UpdateBatcher<EngineEvent> stepUpdates;
    private boolean fullDeploy;
    private CancelToken cancel;

    public DeployViewModel(ConsoleModel model, long batchMillis, Runnable afterDeploy) {
        this.model = model;
        this.afterDeploy = afterDeploy;
        this.stepUpdates = new UpdateBatcher<>(model.runner().ui(), batchMillis, this::showEvents);
    }

    public ReadOnlyObjectProperty<DeployPhase> phaseProperty() {
        return phase;
    }

    public DeployPhase phase() {
        return phase.get();
    }

    public ReadOnlyObjectProperty<Plan> planProperty() {
        return plan;
    }

    public ObservableList<DeployStep> steps() {
        return steps;
    }

    /** Returns the plan's diagnostics: errors stop the deploy before any change. */
    public ObservableList<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Returns one line per failed resource or job, with the cause, and one per skipped resource. */
    public ObservableList<String> failures() {
        return failures;
    }

    /** Returns what the user typed to confirm a plan that deletes or replaces. */
    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public BooleanProperty needsTypedConfirmationProperty() {
        return needsTypedConfirmation;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty scopeProperty() {
        return scope;
    }

    public StringProperty serviceUrlProperty() {
        return serviceUrl;
    }

    /** True when the plan is shown and, if it deletes or replaces, the stack's name is typed. */
    public BooleanBinding canConfirmBinding() {
        return Bindings.createBooleanBinding(() -> phase.get() == DeployPhase.REVIEW
                && (!needsTypedConfirmation.get() || confirmation.get().trim().equals(stackName())),
                phase, needsTypedConfirmation, confirmation);
    }

    public boolean canConfirm() {
        return canConfirmBinding().get();
    }

    public BooleanBinding canStartBinding() {
        return Bindings.createBooleanBinding(() -> !phase.get().running() && phase.get() != DeployPhase.REVIEW
                && model.workspace() != null, phase, model.workspaceProperty());
    }

    /** Starts a full deploy: every chapter, then the jobs and the health check. */
    public void start() {
        begin(address -> true, true, Texts.get("deploy.scope.all"));
    }

    /** Starts an apply of some chapters only; no jobs or health check follow. */
    public void startChapters(Set<Chapter> chapters) {
        Workspace open = model.workspace();
        if (open == null) {
            return;
        }
        Predicate<Address> inScope = address -> open.stack().find(address)
                .map(resource -> chapters.contains(resource.chapter())).orElse(false);
        String label = chapters.stream().map(Chapter::label).sorted().reduce((left, right) -> left + ", " + right)
                .orElse("");
        begin(inScope, false, Texts.get("deploy.scope.chapters", label));
    }

    private void begin(Predicate<Address> inScope, boolean full, String scopeLabel) {
        Workspace open = model.workspace();
        if (open == null || phase.get().running()) {
            return;
        }
        fullDeploy = full;
        reset(scopeLabel);
        phase.set(DeployPhase.PREFLIGHT);
        summary.set(Texts.get("deploy.preflight"));
        model.runner().run("deploy plan", () -> open.plan(inScope, false, model.eventSink()), this::planned,
                failed -> fail(Texts.get("deploy.plan_failed", failed.getMessage())));
    }

    private void reset(String scopeLabel) {
        scope.set(scopeLabel);
        steps.clear();
        stepsBySubject.clear();
        diagnostics.clear();
        failures.clear();
        confirmation.set("");
        progress.set(0);
        serviceUrl.set("");
        plan.set(null);
    }

    private void planned(Plan planned) {
        plan.set(planned);
        model.planProperty().set(fullDeploy ? planned : model.planProperty().get());
        diagnostics.setAll(planned.diagnostics());
        if (planned.hasErrors()) {
            fail(Texts.get("deploy.blocked", planned.diagnostics().stream().filter(Diagnostic::isError).count()));
            return;
        }
        for (ResourceChange change : planned.changes()) {
            if (change.action().changesCloud()) {
                addStep(change.address().toString(), change.action().glyph() + " " + change.action().verb());
            }
        }
        needsTypedConfirmation.set(planned.changes().stream().anyMatch(change ->
                change.action() == Action.DELETE || change.action() == Action.REPLACE));
        phase.set(DeployPhase.REVIEW);
        summary.set(steps.isEmpty() ? Texts.get("deploy.review_no_changes")
                : Texts.get(needsTypedConfirmation.get() ? "deploy.review_typed" : "deploy.review", steps.size(),
                        stackName()));
    }

    /** Applies the reviewed plan; does nothing unless {@link #canConfirm()}. */
    public void confirm() {
        Workspace open = model.workspace();
        if (!canConfirm() || open == null) {
            return;
        }
        Plan reviewed = plan.get();
        cancel = new CancelToken();
        model.outcomes().clear();
        phase.set(DeployPhase.APPLYING);
        summary.set(Texts.get("deploy.applying", steps.size()));
        EngineListener listener = model.eventSink().andThen(stepUpdates::offer);
        CancelToken token = cancel;
        model.runner().run("deploy apply", () -> open.apply(reviewed, token, listener), this::applied,
                failed -> fail(Texts.get("deploy.apply_error", failed.getMessage())));
    }

    /** Before the apply, closes the review; during the apply, lets operations in flight finish and starts no more. */
    public void cancel() {
        if (phase.get() == DeployPhase.REVIEW) {
            phase.set(DeployPhase.IDLE);
            summary.set(Texts.get("deploy.review_closed"));
            return;
        }
        if (cancel != null && phase.get() == DeployPhase.APPLYING) {
            cancel.cancel();
            summary.set(Texts.get("deploy.cancelling"));
        }
    }

    private void applied(ApplyResult result) {
        stepUpdates.flush();
        model.flushEvents();
        for (ResourceOutcome outcome : result.outcomes()) {
            showOutcome(outcome);
        }
        List<ResourceOutcome> failed = result.withStatus(ResourceOutcome.Status.FAILED);
        List<ResourceOutcome> skipped = result.withStatus(ResourceOutcome.Status.SKIPPED);
        failed.forEach(outcome -> failures.add(Texts.get("deploy.failure_line", outcome.address(), outcome.message())));
        skipped.forEach(outcome -> failures.add(Texts.get("deploy.skipped_line", outcome.address(), outcome.message())));
        if (result.cancelled()) {
            finish(DeployPhase.CANCELLED, Texts.get("deploy.cancelled", failed.size(), skipped.size()));
            return;
        }
        if (!result.succeeded()) {
            finish(DeployPhase.FAILED, Texts.get("deploy.apply_failed", failed.size(), skipped.size()));
            return;
        }
        if (!fullDeploy) {
            finish(DeployPhase.SUCCEEDED, Texts.get("deploy.chapter_done", result.outcomes().size()));
            return;
        }
        runJobs(result);
    }

    private void runJobs(ApplyResult result) {
        Workspace open = model.workspace();
        List<Resource> jobs = open.deployJobs();
        jobs.forEach(job -> addStep(job.address().toString(), Texts.get("deploy.job_action")));
        phase.set(DeployPhase.RUNNING_JOBS);
        summary.set(Texts.get("deploy.running_jobs", jobs.size()));
        model.runner().run("deploy jobs", () -> open.runDeployJobs(
                address -> model.runner().ui().execute(() -> step(address.toString()).stateProperty().set(State.RUNNING)),
                execution -> model.runner().ui().execute(() -> showExecution(execution))),
                executions -> jobsDone(executions, result),
                failed -> fail(Texts.get("deploy.jobs_error", failed.getMessage())));
    }

    private void showExecution(JobExecution execution) {
        for (DeployStep step : steps) {
            if (step.state() == State.RUNNING && step.action().equals(Texts.get("deploy.job_action"))) {
                step.stateProperty().set(execution.succeeded() ? State.SUCCEEDED : State.FAILED);
                step.messageProperty().set(execution.succeeded()
                        ? Texts.get("deploy.execution_succeeded", execution.name())
                        : Texts.get("deploy.execution_failed", execution.name(), execution.outcome(), execution.message()));
            }
        }
        updateProgress();
    }

    private void jobsDone(List<JobExecution> executions, ApplyResult result) {
        for (JobExecution execution : executions) {
            if (!execution.succeeded()) {
                failures.add(Texts.get("deploy.job_failure_line", execution.name(), execution.message()));
                finish(DeployPhase.FAILED, Texts.get("deploy.job_failed", execution.name()));
                return;
            }
        }
        checkHealth(result);
    }

    private void checkHealth(ApplyResult result) {
        Workspace open = model.workspace();
        Resource service = open.stack().all().stream()
                .filter(resource -> resource.address().kind() == ResourceKind.RUN_SERVICE).findFirst().orElse(null);
        if (service == null) {
            finish(DeployPhase.SUCCEEDED, Texts.get("deploy.done_no_service", result.outcomes().size()));
            return;
        }
        phase.set(DeployPhase.HEALTH_CHECK);
        summary.set(Texts.get("deploy.health_checking"));
        model.runner().run("deploy health", () -> health(open, service), answer -> healthy(answer, result),
                failed -> fail(Texts.get("deploy.health_error", failed.getMessage())));
    }

    private static String[] health(Workspace open, Resource service) {
        ResourceStatus status = open.gateway().status().status(service.spec());
        String uri = status.details().getOrDefault("uri", "");
        if (uri.isEmpty()) {
            return new String[] {"", Texts.get("deploy.no_url")};
        }
        return new String[] {uri, HealthCheck.check(uri + "/health/")};
    }

    private void healthy(String[] answer, ApplyResult result) {
        serviceUrl.set(answer[0]);
        if (!answer[1].startsWith("200")) {
            failures.add(Texts.get("deploy.health_failure_line", answer[0], answer[1]));
            finish(DeployPhase.FAILED, Texts.get("deploy.unhealthy", answer[0]));
            return;
        }
        long changed = result.outcomes().stream()
                .filter(outcome -> outcome.status() == ResourceOutcome.Status.SUCCEEDED)
                .filter(outcome -> outcome.action().changesCloud()).count();
        finish(DeployPhase.SUCCEEDED, Texts.get("deploy.done", changed, answer[0], answer[1]));
    }

    private void fail(String message) {
        finish(DeployPhase.FAILED, message);
    }

    private void finish(DeployPhase end, String message) {
        phase.set(end);
        summary.set(message);
        progress.set(end == DeployPhase.SUCCEEDED ? 1 : progress.get());
        afterDeploy.run();
    }

    private void showEvents(List<EngineEvent> events) {
        for (EngineEvent event : events) {
            if (event instanceof EngineEvent.ResourceStarted started) {
                DeployStep step = step(started.address().toString());
                step.stateProperty().set(State.RUNNING);
                step.attemptsProperty().set(started.attempt());
            } else if (event instanceof EngineEvent.ResourceRetrying retrying) {
                DeployStep step = step(retrying.address().toString());
                step.stateProperty().set(State.RETRYING);
                step.attemptsProperty().set(retrying.attempt());
                step.messageProperty().set(Texts.get("deploy.retrying", retrying.category(),
                        retrying.delay().toMillis(), retrying.message()));
            } else if (event instanceof EngineEvent.ResourceFinished finished) {
                showOutcome(finished.outcome());
            }
        }
        updateProgress();
    }

    private void showOutcome(ResourceOutcome outcome) {
        if (!outcome.action().changesCloud() && !stepsBySubject.containsKey(outcome.address().toString())) {
            return;
        }
        DeployStep step = step(outcome.address().toString());
        step.attemptsProperty().set(Math.max(step.attemptsProperty().get(), outcome.attempts()));
        switch (outcome.status()) {
            case SUCCEEDED:
                step.stateProperty().set(State.SUCCEEDED);
                step.messageProperty().set("");
                break;
            case FAILED:
                step.stateProperty().set(State.FAILED);
                step.messageProperty().set(outcome.message());
                break;
            case SKIPPED:
            default:
                step.stateProperty().set(State.SKIPPED);
                step.messageProperty().set(outcome.message());
                break;
        }
        updateProgress();
    }

    private void updateProgress() {
        if (steps.isEmpty()) {
            return;
        }
        long ended = steps.stream().filter(step -> step.state() == State.SUCCEEDED || step.state() == State.FAILED
                || step.state() == State.SKIPPED).count();
        progress.set((double) ended / steps.size());
    }

    private DeployStep addStep(String subject, String action) {
        DeployStep step = new DeployStep(subject, action);
        stepsBySubject.put(subject, step);
        steps.add(step);
        return step;
    }

    /** Returns the step of a subject, adding one for a resource the apply touched without a planned change. */
    private DeployStep step(String subject) {
        DeployStep existing = stepsBySubject.get(subject);
        return existing != null ? existing : addStep(subject, "");
    }

    private String stackName() {
        Workspace open = model.workspace();
        return open == null ? "" : open.stack().name();
    }
}
