package dev.terrace.desktop.plan;

import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.desktop.Texts;
import dev.terrace.desktop.model.ConsoleModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The last plan, grouped by chapter with the {@code + ~ -/+ -} glyphs, field changes, replace
 * reasons and diagnostics. Errors block apply; warnings do not.
 */
public final class PlanViewModel {

    private final ConsoleModel model;
    private final ObservableList<PlanGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty(this, "summary", Texts.get("plan.none"));
    private final BooleanProperty blocked = new SimpleBooleanProperty(this, "blocked");
    private final BooleanProperty showUnchanged = new SimpleBooleanProperty(this, "showUnchanged");

    public PlanViewModel(ConsoleModel model) {
        this.model = model;
        model.planProperty().addListener((observable, before, after) -> show(after));
        showUnchanged.addListener((observable, before, after) -> show(model.planProperty().get()));
        show(model.planProperty().get());
    }

    public ObservableList<PlanGroup> groups() {
        return groups;
    }

    public ObservableList<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** True when an error diagnostic blocks apply. */
    public ReadOnlyBooleanProperty blockedProperty() {
        return blocked;
    }

    /** Returns whether resources with no change are listed too. */
    public BooleanProperty showUnchangedProperty() {
        return showUnchanged;
    }

    private void show(Plan plan) {
        if (plan == null) {
            groups.clear();
            diagnostics.clear();
            blocked.set(false);
            summary.set(Texts.get("plan.none"));
            return;
        }
        Map<Chapter, List<PlanEntry>> byChapter = new EnumMap<>(Chapter.class);
        for (ResourceChange change : plan.changes()) {
            if (change.action() == Action.NO_OP && !change.adopt() && !showUnchanged.get()) {
                continue;
            }
            byChapter.computeIfAbsent(change.chapter(), chapter -> new ArrayList<>()).add(PlanEntry.of(change,
                    Texts.get("plan.reason"), Texts.get("plan.note"), Texts.get("plan.forces_replace")));
        }
        List<PlanGroup> grouped = new ArrayList<>();
        byChapter.forEach((chapter, entries) -> grouped.add(new PlanGroup(chapter, entries)));
        groups.setAll(grouped);
        diagnostics.setAll(plan.diagnostics());
        blocked.set(plan.hasErrors());
        Map<Action, Integer> counts = plan.counts();
        String counted = Texts.get("plan.counts", counts.get(Action.CREATE), counts.get(Action.UPDATE),
                counts.get(Action.REPLACE), counts.get(Action.DELETE));
        long errors = plan.diagnostics().stream().filter(Diagnostic::isError).count();
        summary.set(plan.hasErrors() ? Texts.get("plan.summary_blocked", counted, errors)
                : plan.hasChanges() ? Texts.get("plan.summary", counted, plan.diagnostics().size())
                : Texts.get("plan.summary_no_changes", plan.diagnostics().size()));
    }
}
