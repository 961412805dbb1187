package dev.terrace.desktop.chapters;

import dev.terrace.core.model.Chapter;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One row of the chapter list: the chapter and its live badge. */
public final class ChapterItem {

    private final Chapter chapter;
    private final ObjectProperty<ChapterBadge> badge = new SimpleObjectProperty<>(this, "badge", ChapterBadge.empty());

    public ChapterItem(Chapter chapter) {
        this.chapter = chapter;
    }

    public Chapter chapter() {
        return chapter;
    }

    public ObjectProperty<ChapterBadge> badgeProperty() {
        return badge;
    }

    public ChapterBadge badge() {
        return badge.get();
    }
}
