package dev.terrace.core.plan;

import dev.terrace.core.diag.Diagnostic;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered changes that bring the cloud to the stack, and the diagnostics found on the way.
 * Changes come in an order that respects dependencies; apply may still run independent ones in
 * parallel.
 *
 * @param stack the stack's name
 * @param destroy whether this plan removes every managed resource
 */
public record Plan(String stack, String project, boolean destroy, List<ResourceChange> changes,
        List<Diagnostic> diagnostics) {

    public Plan {
        changes = List.copyOf(changes);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public boolean hasChanges() {
        return changes.stream().anyMatch(change -> change.action().changesCloud() || change.adopt()
                || change.desired() == null);
    }

    /** Counts the changes per action. */
    public Map<Action, Integer> counts() {
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        for (Action action : Action.values()) {
            counts.put(action, 0);
        }
        changes.forEach(change -> counts.merge(change.action(), 1, Integer::sum));
        return counts;
    }
}
