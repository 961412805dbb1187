package dev.terrace.desktop.plan;

import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.ResourceChange;
import java.util.List;

/**
 * One resource change as the plan view lists it.
 *
 * @param details the lines under the change: each field as "field: before \u2192 after", then
 *     the reason a replace is forced and the planner's note
 */
public record PlanEntry(Action action, String address, List<String> details) {

    public PlanEntry {
        details = List.copyOf(details);
    }

    public String glyph() {
        return action.glyph();
    }

    public String headline() {
        return action.glyph() + " " + address + "  (" + action.verb() + ")";
    }

    static PlanEntry of(ResourceChange change, String reasonLabel, String noteLabel, String replaceMark) {
        List<String> lines = new java.util.ArrayList<>();
        change.fieldChanges().forEach(field -> lines.add(field.field() + ": " + shown(field.before()) + " \u2192 "
                + shown(field.after()) + (field.forcesReplace() && change.action() != Action.CREATE ? "  " + replaceMark : "")));
        if (change.reason() != null && !change.reason().isBlank()) {
            lines.add(reasonLabel + " " + change.reason());
        }
        if (change.note() != null && !change.note().isBlank()) {
            lines.add(noteLabel + " " + change.note());
        }
        return new PlanEntry(change.action(), change.address().toString(), lines);
    }

    private static String shown(String value) {
        return value == null ? "(none)" : value;
    }
}
