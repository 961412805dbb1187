package dev.terrace.desktop.status;

import dev.terrace.core.model.Address;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.desktop.Texts;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.model.ResourceCondition;
import dev.terrace.desktop.task.PollTimer;
import dev.terrace.desktop.task.UpdateBatcher;
import dev.terrace.session.Workspace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The status dashboard's state: one row per resource of the stack, and the commands that read
 * every status again, now or at the chosen interval. A round of reads runs on the console's
 * background runner, at most {@link #MAX_PARALLEL_READS} at once, so plans and applies still get
 * threads. The statuses reach {@link ConsoleModel#statuses()} in batches rather than one UI update
 * per resource. Polling stops while the window is minimised.
 */
public final class StatusViewModel implements AutoCloseable {

    /** How many status reads run at once; the rest of the runner's threads stay free for other work. */
    public static final int MAX_PARALLEL_READS = 3;

    private final ConsoleModel model;
    private final PollTimer timer;
    private final UpdateBatcher<StatusUpdate> batcher;
    private final ObservableList<StatusRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<PollInterval> interval =
            new SimpleObjectProperty<>(this, "interval", PollInterval.FIFTEEN_SECONDS);
    private final SimpleBooleanProperty reading = new SimpleBooleanProperty(this, "reading");
    private final SimpleObjectProperty<Instant> lastRead = new SimpleObjectProperty<>(this, "lastRead");
    private final SimpleStringProperty serviceUrl = new SimpleStringProperty(this, "serviceUrl", "");
    private final SimpleStringProperty counts = new SimpleStringProperty(this, "counts", "");
    private final AtomicBoolean roundRunning = new AtomicBoolean();
    /** Set when a read is requested during a round, which may have started before the change it should see. */
    private final AtomicBoolean readPending = new AtomicBoolean();
    private final AtomicBoolean rowsDirty = new AtomicBoolean();
    private final AtomicInteger rounds = new AtomicInteger();
    private PollTimer.Schedule schedule;
    private boolean minimised;

    /**
     * @param batchMillis how long status updates collect before they reach the model, at most
     */
    public StatusViewModel(ConsoleModel model, PollTimer timer, long batchMillis) {
        this.model = model;
        this.timer = timer;
        this.batcher = new UpdateBatcher<>(model.runner().ui(), batchMillis, this::store);
        InvalidationListener changed = observable -> rowsChanged();
        model.workspaceProperty().addListener(changed);
        model.planProperty().addListener(changed);
        model.statuses().addListener(changed);
        model.outcomes().addListener(changed);
        interval.addListener((observable, before, after) -> reschedule());
        rebuildRows();
        reschedule();
    }

    /** Returns the rows in stack order. A read updates them in place, so a table selection survives it. */
    public ObservableList<StatusRow> rows() {
        return rows;
    }

    /** Returns the time between automatic reads, where {@link PollInterval#OFF} reads only on request. */
    public ObjectProperty<PollInterval> intervalProperty() {
        return interval;
    }

    public List<PollInterval> intervals() {
        return List.of(PollInterval.values());
    }

    /** True while a round of reads runs. */
    public ReadOnlyBooleanProperty readingProperty() {
        return reading;
    }

    /** When the last round of reads ended, or null before the first. */
    public ReadOnlyObjectProperty<Instant> lastReadProperty() {
        return lastRead;
    }

    /** Returns the URL of the stack's first Cloud Run service that has one, else empty. */
    public ReadOnlyStringProperty serviceUrlProperty() {
        return serviceUrl;
    }

    /** Returns how many resources are in each condition, as one line. */
    public ReadOnlyStringProperty countsProperty() {
        return counts;
    }

    /** Returns how many rounds of reads have started, for tests. */
    public int roundsStarted() {
        return rounds.get();
    }

    /**
     * Reads the status of every resource in the background. Does nothing without a workspace.
     * While a round runs, one more round starts when it ends, so that a read requested after an
     * apply reads the apply's result.
     */
    public void readNow() {
        Workspace open = model.workspace();
        if (open == null) {
            return;
        }
        if (!roundRunning.compareAndSet(false, true)) {
            readPending.set(true);
            return;
        }
        rounds.incrementAndGet();
        reading.set(true);
        List<Resource> resources = model.resources();
        Queue<Resource> queue = new ConcurrentLinkedQueue<>(resources);
        int workers = Math.max(1, Math.min(MAX_PARALLEL_READS, resources.size()));
        AtomicInteger running = new AtomicInteger(workers);
        for (int worker = 0; worker < workers; worker++) {
            model.runner().run("read statuses", () -> readAll(open, queue),
                    ignored -> workerEnded(running), failed -> workerEnded(running));
        }
    }

    /** Pauses automatic reads while minimised, and reads at once when the window comes back. */
    public void setMinimised(boolean nowMinimised) {
        boolean restored = minimised && !nowMinimised;
        minimised = nowMinimised;
        reschedule();
        if (restored && !interval.get().isOff()) {
            readNow();
        }
    }

    /** Returns whether automatic reads are scheduled now. */
    public boolean isPolling() {
        return schedule != null;
    }

    @Override
    public void close() {
        cancelSchedule();
        batcher.close();
    }

    /** Reads resources off the shared queue until it is empty. Each worker is one background task. */
    private Void readAll(Workspace open, Queue<Resource> queue) {
        for (Resource resource = queue.poll(); resource != null; resource = queue.poll()) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            batcher.offer(new StatusUpdate(open, resource.address(), StatusReader.read(open, resource)));
        }
        return null;
    }

    private void workerEnded(AtomicInteger running) {
        if (running.decrementAndGet() > 0) {
            return;
        }
        batcher.flush();
        lastRead.set(Instant.now());
        reading.set(false);
        roundRunning.set(false);
        if (readPending.getAndSet(false)) {
            readNow();
        }
    }

    /** Puts one batch into the model, without the reads of a workspace that was closed since. */
    private void store(List<StatusUpdate> batch) {
        Map<Address, ResourceStatus> fresh = new HashMap<>();
        for (StatusUpdate update : batch) {
            if (update.workspace() == model.workspace()) {
                fresh.put(update.address(), update.status());
            }
        }
        synchronized (rows) {
            model.statuses().putAll(fresh);
        }
    }

    private void reschedule() {
        cancelSchedule();
        if (minimised || interval.get().isOff()) {
            return;
        }
        schedule = timer.every(interval.get().period(), () -> model.runner().ui().execute(this::readNow));
    }

    private void cancelSchedule() {
        if (schedule != null) {
            schedule.cancel();
            schedule = null;
        }
    }

    /**
     * Rebuilds the rows once for many model changes: a batch of forty statuses fires forty map
     * changes, but only the first schedules a rebuild.
     */
    private void rowsChanged() {
        if (rowsDirty.compareAndSet(false, true)) {
            model.runner().ui().execute(() -> {
                rowsDirty.set(false);
                rebuildRows();
            });
        }
    }

    private void rebuildRows() {
        synchronized (rows) {
            List<StatusRow> fresh = new ArrayList<>();
            for (Resource resource : model.resources()) {
                Address address = resource.address();
                fresh.add(StatusRow.of(resource, model.condition(address), model.statuses().get(address)));
            }
            if (fresh.size() == rows.size()) {
                for (int index = 0; index < fresh.size(); index++) {
                    if (!fresh.get(index).equals(rows.get(index))) {
                        rows.set(index, fresh.get(index));
                    }
                }
            } else {
                rows.setAll(fresh);
            }
            serviceUrl.set(fresh.stream().filter(row -> row.address().kind() == ResourceKind.RUN_SERVICE)
                    .map(StatusRow::url).filter(url -> !url.isBlank()).findFirst().orElse(""));
            counts.set(describeCounts(fresh));
        }
    }

    private static String describeCounts(List<StatusRow> rows) {
        Map<ResourceCondition, Integer> byCondition = new EnumMap<>(ResourceCondition.class);
        for (ResourceCondition condition : ResourceCondition.values()) {
            byCondition.put(condition, 0);
        }
        rows.forEach(row -> byCondition.merge(row.condition(), 1, Integer::sum));
        return Texts.get("status.counts", rows.size(), byCondition.get(ResourceCondition.IN_PLACE),
                byCondition.get(ResourceCondition.DRIFT), byCondition.get(ResourceCondition.MISSING),
                byCondition.get(ResourceCondition.ERROR), byCondition.get(ResourceCondition.UNKNOWN));
    }

    /** One status read, with the workspace it came from. */
    private record StatusUpdate(Workspace workspace, Address address, ResourceStatus status) {
    }
}
