package dev.terrace.desktop.chapters;

import dev.terrace.core.model.Chapter;
import dev.terrace.core.model.Resource;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.model.ResourceCondition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The guide's 18 chapters with a badge each, recomputed whenever the plan, a status or an apply
 * outcome changes. A burst of changes costs one recompute, run on the UI executor.
 */
public final class ChaptersViewModel {

    private final ConsoleModel model;
    private final ObservableList<ChapterItem> chapters = FXCollections.observableArrayList();
    private final ObjectProperty<Chapter> selected = new SimpleObjectProperty<>(this, "selected", Chapter.CLOUD_RUN);
    private boolean recomputeQueued;

    public ChaptersViewModel(ConsoleModel model) {
        this.model = model;
        for (Chapter chapter : Chapter.values()) {
            chapters.add(new ChapterItem(chapter));
        }
        Observable[] sources = {model.planProperty(), model.statuses(), model.outcomes(), model.workspaceProperty()};
        for (Observable source : sources) {
            source.addListener(changed -> queueRecompute());
        }
        recompute();
    }

    public ObservableList<ChapterItem> chapters() {
        return chapters;
    }

    public ObjectProperty<Chapter> selectedProperty() {
        return selected;
    }

    public ChapterItem item(Chapter chapter) {
        return chapters.get(chapter.ordinal());
    }

    private void queueRecompute() {
        if (recomputeQueued) {
            return;
        }
        recomputeQueued = true;
        model.runner().ui().execute(() -> {
            recomputeQueued = false;
            recompute();
        });
    }

    /** Recomputes every badge from the model now. */
    public void recompute() {
        Map<Chapter, Map<ResourceCondition, Integer>> counts = new EnumMap<>(Chapter.class);
        for (Resource resource : model.resources()) {
            counts.computeIfAbsent(resource.chapter(), chapter -> new EnumMap<>(ResourceCondition.class))
                    .merge(model.condition(resource.address()), 1, Integer::sum);
        }
        for (ChapterItem item : chapters) {
            item.badgeProperty().set(new ChapterBadge(counts.getOrDefault(item.chapter(), Map.of())));
        }
    }

    /** Returns the chapters that own resources, in guide order. */
    public List<Chapter> chaptersWithResources() {
        List<Chapter> owning = new ArrayList<>();
        for (ChapterItem item : chapters) {
            if (item.badge().total() > 0) {
                owning.add(item.chapter());
            }
        }
        return owning;
    }
}
