package dev.terrace.desktop.logs;

import dev.terrace.core.event.EngineEvent;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.Resource;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.LogEntry;
import dev.terrace.core.port.LogQuery;
import dev.terrace.core.spec.RunJobSpec;
import dev.terrace.core.spec.RunServiceSpec;
import dev.terrace.desktop.Texts;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.task.PollTimer;
import dev.terrace.session.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The logs view's state, from two sources. The first is the Cloud Logging entries of the stack's
 * services and jobs, read through the workspace with a severity filter, a text search and an
 * optional live tail. The second is the engine's events of plans and applies, filtered by
 * resource address. Every read runs on the background runner, and the results arrive on the UI
 * thread.
 */
public final class LogsViewModel implements AutoCloseable {

    /** How many entries one read requests, newest first. */
    public static final int PAGE_SIZE = 500;
    /** How many entries the view keeps; the oldest drop off when the tail brings more. */
    public static final int ENTRY_LIMIT = 5_000;
    /** How often the live tail requests newer entries. */
    public static final Duration TAIL_PERIOD = Duration.ofSeconds(3);

    private final ConsoleModel model;
    private final PollTimer timer;
    private final ObservableList<LogEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<LogEntry> visibleEntries = new FilteredList<>(entries);
    private final ObjectProperty<SeverityFilter> severity =
            new SimpleObjectProperty<>(this, "severity", SeverityFilter.DEFAULT);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObservableList<LogScope> scopes = FXCollections.observableArrayList();
    private final ObjectProperty<LogScope> scope = new SimpleObjectProperty<>(this, "scope");
    private final BooleanProperty liveTail = new SimpleBooleanProperty(this, "liveTail");
    private final SimpleBooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final SimpleStringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final ObservableList<Address> eventAddresses = FXCollections.observableArrayList();
    private final ObjectProperty<Address> eventAddress = new SimpleObjectProperty<>(this, "eventAddress");
    private final FilteredList<EngineEvent> visibleEvents;
    /** Increases with each full read, so that an older read or tail that ends later is dropped. */
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicBoolean tailing = new AtomicBoolean();
    private PollTimer.Schedule tailSchedule;
    private boolean minimised;
    /** True while {@link #opened} replaces the scopes, so that changing the scope reads nothing yet. */
    private boolean switchingWorkspace;

    public LogsViewModel(ConsoleModel model, PollTimer timer) {
        this.model = model;
        this.timer = timer;
        this.visibleEvents = new FilteredList<>(model.events());
        scopes.setAll(LogScope.allCloudRun());
        scope.set(scopes.get(0));
        model.workspaceProperty().addListener((observable, before, after) -> opened(after));
        severity.addListener((observable, before, after) -> {
            filterEntries();
            refresh();
        });
        scope.addListener((observable, before, after) -> {
            filterEntries();
            if (!switchingWorkspace) {
                refresh();
            }
        });
        search.addListener((observable, before, after) -> filterEntries());
        liveTail.addListener((observable, before, after) -> rescheduleTail());
        eventAddress.addListener((observable, before, after) -> filterEvents());
        opened(model.workspace());
    }

    /** Returns the Cloud Logging entries that pass the severity filter and the search, oldest first. */
    public ObservableList<LogEntry> visibleEntries() {
        return visibleEntries;
    }

    public ObjectProperty<SeverityFilter> severityProperty() {
        return severity;
    }

    public List<SeverityFilter> severities() {
        return List.of(SeverityFilter.values());
    }

    /** Text that a shown entry must contain, ignoring case; empty shows all. */
    public StringProperty searchProperty() {
        return search;
    }

    /** Returns the sources to choose from: every Cloud Run service and job, then each one alone. */
    public ObservableList<LogScope> scopes() {
        return scopes;
    }

    public ObjectProperty<LogScope> scopeProperty() {
        return scope;
    }

    /** While true, newer entries are read every {@link #TAIL_PERIOD} and added at the end. */
    public BooleanProperty liveTailProperty() {
        return liveTail;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** Returns why the last read of Cloud Logging failed; empty after a read that worked. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** Returns the engine events of the chosen address, or all of them when none is chosen. */
    public ObservableList<EngineEvent> visibleEvents() {
        return visibleEvents;
    }

    /** Returns the stack's addresses, to filter the engine events by. */
    public ObservableList<Address> eventAddresses() {
        return eventAddresses;
    }

    /** Returns the address whose engine events are shown; null shows every event. */
    public ObjectProperty<Address> eventAddressProperty() {
        return eventAddress;
    }

    /** Reads the newest {@link #PAGE_SIZE} entries of the chosen scope again, replacing the list. */
    public void refresh() {
        Workspace open = model.workspace();
        if (open == null) {
            return;
        }
        int ticket = generation.incrementAndGet();
        loading.set(true);
        LogQuery query = new LogQuery(filter(), null, PAGE_SIZE);
        LogScope reading = currentScope();
        model.runner().run("read logs", () -> open.logs(query), found -> {
            if (ticket != generation.get()) {
                return;
            }
            loading.set(false);
            problem.set("");
            entries.setAll(oldestFirst(found, reading));
        }, failed -> readFailed(ticket, failed));
    }

    /**
     * Reads the entries newer than the newest one shown and adds them at the end. Reads the whole
     * page instead when nothing is shown yet. Does nothing while another read runs.
     */
    public void tailNow() {
        Workspace open = model.workspace();
        if (open == null || loading.get()) {
            return;
        }
        if (entries.isEmpty()) {
            refresh();
            return;
        }
        if (!tailing.compareAndSet(false, true)) {
            return;
        }
        int ticket = generation.get();
        Instant since = entries.get(entries.size() - 1).timestamp();
        LogQuery query = new LogQuery(filter(), since, PAGE_SIZE);
        LogScope reading = currentScope();
        model.runner().run("tail logs", () -> open.logs(query), found -> {
            tailing.set(false);
            if (ticket == generation.get()) {
                problem.set("");
                append(oldestFirst(found, reading), since);
            }
        }, failed -> {
            tailing.set(false);
            readFailed(ticket, failed);
        });
    }

    /** Returns the lines of the given entries as the list shows them, one per line, for the clipboard. */
    public String copyText(List<LogEntry> selected) {
        return selected.stream().map(LogText::line).collect(Collectors.joining("\n"));
    }

    /** Returns the lines of the given engine events, one per line, for the clipboard. */
    public String copyEventText(List<EngineEvent> selected) {
        return selected.stream().map(LogText::line).collect(Collectors.joining("\n"));
    }

    /** Pauses the live tail while the window is minimised. */
    public void setMinimised(boolean nowMinimised) {
        minimised = nowMinimised;
        rescheduleTail();
    }

    /** Returns whether the live tail is scheduled now. */
    public boolean isTailing() {
        return tailSchedule != null;
    }

    @Override
    public void close() {
        cancelTail();
    }

    private void opened(Workspace open) {
        generation.incrementAndGet();
        entries.clear();
        problem.set("");
        loading.set(false);
        List<LogScope> fresh = new ArrayList<>();
        fresh.add(LogScope.allCloudRun());
        List<Address> addresses = new ArrayList<>();
        if (open != null) {
            for (Resource resource : open.stack().all()) {
                addresses.add(resource.address());
                if (resource.spec() instanceof RunServiceSpec service) {
                    fresh.add(LogScope.service(service.name()));
                } else if (resource.spec() instanceof RunJobSpec job) {
                    fresh.add(LogScope.job(job.name()));
                }
            }
        }
        eventAddress.set(null);
        eventAddresses.setAll(addresses);
        // A choice box bound to the scope clears it when its items change, so the scope is set after them.
        switchingWorkspace = true;
        try {
            scopes.setAll(fresh);
            scope.set(fresh.get(0));
        } finally {
            switchingWorkspace = false;
        }
        filterEntries();
        refresh();
    }

    /** Returns the chosen scope; a choice box may clear it while its items change. */
    private LogScope currentScope() {
        return scope.get() != null ? scope.get() : scopes.get(0);
    }

    private String filter() {
        String term = severity.get() == null ? "" : severity.get().filterTerm();
        String scopeFilter = currentScope().filter();
        return term.isEmpty() ? scopeFilter : scopeFilter + " AND " + term;
    }

    /** Turns a newest-first response into oldest-first entries of the scope. */
    private static List<LogEntry> oldestFirst(List<LogEntry> newestFirst, LogScope reading) {
        List<LogEntry> ordered = new ArrayList<>();
        for (int index = newestFirst.size() - 1; index >= 0; index--) {
            LogEntry entry = newestFirst.get(index);
            if (reading.matches().test(entry)) {
                ordered.add(entry);
            }
        }
        return ordered;
    }

    /**
     * Adds entries of a tail read. The read includes entries at {@code since} itself, so the
     * entries already shown from that instant are skipped.
     */
    private void append(List<LogEntry> newer, Instant since) {
        Set<LogEntry> shown = new HashSet<>();
        for (int index = entries.size() - 1; index >= 0 && !entries.get(index).timestamp().isBefore(since); index--) {
            shown.add(entries.get(index));
        }
        List<LogEntry> added = newer.stream().filter(entry -> !shown.contains(entry)).toList();
        if (added.isEmpty()) {
            return;
        }
        entries.addAll(added);
        int excess = entries.size() - ENTRY_LIMIT;
        if (excess > 0) {
            entries.remove(0, excess);
        }
    }

    private void readFailed(int ticket, Throwable failed) {
        if (ticket != generation.get()) {
            return;
        }
        loading.set(false);
        String message = failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
        problem.set(Texts.get("logs.read_failed", failed instanceof CloudException cloud
                ? cloud.category() + ": " + message : message));
    }

    private void filterEntries() {
        SeverityFilter minimum = severity.get() == null ? SeverityFilter.DEFAULT : severity.get();
        String needle = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        LogScope shown = currentScope();
        visibleEntries.setPredicate(entry -> minimum.accepts(entry.severity()) && shown.matches().test(entry)
                && (needle.isEmpty() || LogText.line(entry).toLowerCase(Locale.ROOT).contains(needle)));
    }

    private void filterEvents() {
        Address chosen = eventAddress.get();
        visibleEvents.setPredicate(chosen == null ? null
                : event -> LogText.address(event).map(chosen::equals).orElse(false));
    }

    private void rescheduleTail() {
        cancelTail();
        if (!liveTail.get() || minimised) {
            return;
        }
        tailSchedule = timer.every(TAIL_PERIOD, () -> model.runner().ui().execute(this::tailNow));
        tailNow();
    }

    private void cancelTail() {
        if (tailSchedule != null) {
            tailSchedule.cancel();
            tailSchedule = null;
        }
    }
}
