package dev.terrace.desktop.model;

import dev.terrace.core.apply.ResourceOutcome;
import dev.terrace.core.event.EngineEvent;
import dev.terrace.core.event.EngineListener;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.Resource;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.desktop.task.UpdateBatcher;
import dev.terrace.session.Workspace;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The state every screen of the console shares: the open workspace, the last plan, the last status of
 * each resource, the last apply's outcomes and the engine's events. It is changed only on the UI
 * thread; engine events from apply threads arrive in batches.
 */
public final class ConsoleModel {

    /** The engine events the logs view keeps; older ones drop off the top. */
    public static final int EVENT_LIMIT = 5_000;

    private final BackgroundRunner runner;
    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>(this, "workspace");
    private final ObjectProperty<Plan> plan = new SimpleObjectProperty<>(this, "plan");
    private final ObservableMap<Address, ResourceStatus> statuses = FXCollections.observableHashMap();
    private final ObservableMap<Address, ResourceOutcome> outcomes = FXCollections.observableHashMap();
    private final ObservableList<EngineEvent> events = FXCollections.observableArrayList();
    private final UpdateBatcher<EngineEvent> eventBatcher;

    private Plan indexedPlan;
    private PlanIndex planIndex = PlanIndex.of(null);

    public ConsoleModel(BackgroundRunner runner, long batchMillis) {
        this.runner = runner;
        this.eventBatcher = new UpdateBatcher<>(runner.ui(), batchMillis, this::addEvents);
    }

    public BackgroundRunner runner() {
        return runner;
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    public Workspace workspace() {
        return workspace.get();
    }

    public void setWorkspace(Workspace opened) {
        workspace.set(opened);
        plan.set(null);
        statuses.clear();
        outcomes.clear();
    }

    public ObjectProperty<Plan> planProperty() {
        return plan;
    }

    public ObservableMap<Address, ResourceStatus> statuses() {
        return statuses;
    }

    public ObservableMap<Address, ResourceOutcome> outcomes() {
        return outcomes;
    }

    public ObservableList<EngineEvent> events() {
        return events;
    }

    /** Returns the listener that feeds engine events into {@link #events()} in batches. */
    public EngineListener eventSink() {
        return eventBatcher::offer;
    }

    /** Delivers batched events now; tests and the end of an apply call it. */
    public void flushEvents() {
        eventBatcher.flush();
    }

    public List<Resource> resources() {
        Workspace open = workspace.get();
        return open == null ? List.of() : List.copyOf(open.stack().all());
    }

    /** Returns a resource's condition from the model's current plan, statuses and outcomes. */
    public ResourceCondition condition(Address address) {
        return ResourceConditions.of(address, planIndex(), statuses.get(address), outcomes.get(address));
    }

    /** Returns the current plan's index, built again only when the plan changed; listener order does not matter. */
    private PlanIndex planIndex() {
        Plan current = plan.get();
        if (current != indexedPlan) {
            planIndex = PlanIndex.of(current);
            indexedPlan = current;
        }
        return planIndex;
    }

    private void addEvents(List<EngineEvent> batch) {
        for (EngineEvent event : batch) {
            if (event instanceof EngineEvent.ResourceFinished finished) {
                outcomes.put(finished.outcome().address(), finished.outcome());
            }
        }
        events.addAll(batch);
        int excess = events.size() - EVENT_LIMIT;
        if (excess > 0) {
            events.remove(0, excess);
        }
    }
}
