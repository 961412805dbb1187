package dev.terrace.core.plan;

import dev.terrace.core.diag.DiagnosticRenderer;
import dev.terrace.core.model.Chapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a plan as text in the manner of Terraform: changes grouped by chapter, each with its
 * glyph ({@code + ~ -/+ -}), its field changes and its reason, then a one-line summary.
 */
public final class PlanRenderer {

    private PlanRenderer() {
    }

    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        List<ResourceChange> visible = plan.changes().stream()
                .filter(change -> change.action().changesCloud() || change.adopt() || change.desired() == null)
                .toList();
        if (visible.isEmpty()) {
            out.append("No changes. The cloud matches stack ").append(plan.stack()).append(".\n");
        } else {
            out.append("Terrace will perform these actions on stack ").append(plan.stack())
                    .append(" in project ").append(plan.project()).append(":\n");
            Map<Chapter, List<ResourceChange>> byChapter = new TreeMap<>();
            visible.forEach(change -> byChapter.computeIfAbsent(change.chapter(), key -> new ArrayList<>())
                    .add(change));
            byChapter.forEach((chapter, changes) -> {
                out.append("\n# ").append(chapter.label()).append(' ').append(chapter.title()).append('\n');
                changes.forEach(change -> renderChange(change, out));
            });
            out.append('\n').append(summary(plan)).append('\n');
        }
        if (!plan.diagnostics().isEmpty()) {
            out.append('\n').append(DiagnosticRenderer.render(plan.diagnostics()));
        }
        return out.toString();
    }

    /** Returns the one-line count, such as "Plan: 40 to add, 0 to change, 0 to replace, 0 to destroy." */
    public static String summary(Plan plan) {
        Map<Action, Integer> counts = plan.counts();
        long adopt = plan.changes().stream().filter(ResourceChange::adopt).count();
        return "Plan: " + counts.get(Action.CREATE) + " to add, " + counts.get(Action.UPDATE) + " to change, "
                + counts.get(Action.REPLACE) + " to replace, " + counts.get(Action.DELETE) + " to destroy"
                + (adopt > 0 ? ", " + adopt + " to adopt" : "") + ".";
    }

    private static void renderChange(ResourceChange change, StringBuilder out) {
        String glyph = change.action() == Action.NO_OP ? "=" : change.action().glyph();
        out.append(String.format("  %-3s %s", glyph, change.address()));
        List<String> remarks = new ArrayList<>();
        if (change.note() != null) {
            remarks.add(change.note());
        }
        if (change.reason() != null) {
            remarks.add(change.reason());
        }
        if (!remarks.isEmpty()) {
            out.append("  (").append(String.join("; ", remarks)).append(')');
        }
        out.append('\n');
        for (FieldChange field : change.fieldChanges()) {
            renderField(change.action(), field, out);
        }
    }

    private static void renderField(Action action, FieldChange field, StringBuilder out) {
        out.append("        ");
        if (field.before() == null) {
            out.append("+ ").append(field.field()).append(" = ").append(field.after());
        } else if (field.after() == null) {
            out.append("- ").append(field.field()).append(" = ").append(field.before());
        } else {
            out.append("~ ").append(field.field()).append(": ").append(field.before()).append(" -> ")
                    .append(field.after());
        }
        if (field.forcesReplace() && action == Action.REPLACE) {
            out.append("  # forces replacement");
        }
        out.append('\n');
    }
}
