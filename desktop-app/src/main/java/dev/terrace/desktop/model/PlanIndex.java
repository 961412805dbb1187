package dev.terrace.desktop.model;

import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.model.Address;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.ResourceChange;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A plan's changes and error diagnostics by address, so a screen of a thousand resources looks up
 * each one's condition without walking the whole plan each time.
 */
public final class PlanIndex {

    private static final PlanIndex EMPTY = new PlanIndex(Map.of(), Set.of());

    private final Map<Address, ResourceChange> changes;
    private final Set<Address> blocked;

    private PlanIndex(Map<Address, ResourceChange> changes, Set<Address> blocked) {
        this.changes = changes;
        this.blocked = blocked;
    }

    /** Indexes a plan; null gives an empty index. */
    public static PlanIndex of(Plan plan) {
        if (plan == null) {
            return EMPTY;
        }
        Map<Address, ResourceChange> changes = new HashMap<>();
        plan.changes().forEach(change -> changes.put(change.address(), change));
        Set<Address> blocked = new HashSet<>();
        for (Diagnostic diagnostic : plan.diagnostics()) {
            if (diagnostic.isError() && diagnostic.address() != null) {
                blocked.add(diagnostic.address());
            }
        }
        return new PlanIndex(changes, blocked);
    }

    /** Returns the planned change of the address, or null when the plan has none. */
    public ResourceChange change(Address address) {
        return changes.get(address);
    }

    /** Returns whether an error diagnostic names the address. */
    public boolean blocked(Address address) {
        return blocked.contains(address);
    }
}
