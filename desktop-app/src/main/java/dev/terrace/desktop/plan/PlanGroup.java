package dev.terrace.desktop.plan;

import dev.terrace.core.model.Chapter;
import java.util.List;

/** The changes of one chapter, in plan order. */
public record PlanGroup(Chapter chapter, List<PlanEntry> entries) {

    public PlanGroup {
        entries = List.copyOf(entries);
    }

    public String headline() {
        return chapter.label() + "  " + chapter.title() + "  (" + entries.size() + ")";
    }
}
