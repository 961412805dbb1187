package dev.terrace.desktop.shell;

import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.model.Address;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.ResourceChange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Folds the plan of a few chapters into the last full plan, so the badges of the other chapters
 * keep what the last full plan said about them.
 */
final class PlanMerge {

    private PlanMerge() {
    }

    static Plan into(Plan previous, Plan partial, Predicate<Address> scope) {
        if (previous == null || previous.destroy() != partial.destroy()) {
            return partial;
        }
        List<ResourceChange> changes = new ArrayList<>();
        for (ResourceChange change : previous.changes()) {
            if (!scope.test(change.address())) {
                changes.add(change);
            }
        }
        changes.addAll(partial.changes());
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Diagnostic diagnostic : previous.diagnostics()) {
            if (diagnostic.address() != null && !scope.test(diagnostic.address())) {
                diagnostics.add(diagnostic);
            }
        }
        diagnostics.addAll(partial.diagnostics());
        return new Plan(partial.stack(), partial.project(), partial.destroy(), changes, diagnostics);
    }
}
