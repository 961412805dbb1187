package dev.terrace.gcp.preflight;

import dev.terrace.core.model.Address;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.spec.Spec;
import dev.terrace.core.stack.Stack;
import dev.terrace.gcp.GcpGateway;
import java.util.List;
import java.util.Set;

/**
 * The inputs the checks share: the stack, the plan, the gateway, and the project's enabled APIs.
 * The APIs are listed once with one Service Usage call, so that no check reads through a disabled API.
 */
public final class PreflightContext {

    private final Stack stack;
    private final Plan plan;
    private final GcpGateway gateway;
    private Set<String> enabled;

    public PreflightContext(Stack stack, Plan plan, GcpGateway gateway) {
        this.stack = stack;
        this.plan = plan;
        this.gateway = gateway;
    }

    public Stack stack() {
        return stack;
    }

    public Plan plan() {
        return plan;
    }

    public GcpGateway gateway() {
        return gateway;
    }

    public String project() {
        return gateway.project();
    }

    /** Returns the enabled APIs, listed by the first caller and kept for the others. */
    public synchronized Set<String> enabledServices() {
        if (enabled == null) {
            enabled = gateway.enabledServices();
        }
        return enabled;
    }

    /** Returns whether calls about this kind may be made now, because its API is enabled. */
    public boolean readable(ResourceKind kind) {
        return enabledServices().contains(kind.apiService());
    }

    /** Returns the changes that create, update or replace a resource of the kind. */
    public List<ResourceChange> writes(ResourceKind kind) {
        return plan.changes().stream()
                .filter(change -> change.address().kind() == kind)
                .filter(change -> change.action() == Action.CREATE || change.action() == Action.UPDATE
                        || change.action() == Action.REPLACE)
                .filter(change -> change.desired() != null)
                .toList();
    }

    /** Returns whether the plan creates (or replaces) the object of this address. */
    public boolean creates(Address address) {
        return plan.changes().stream().anyMatch(change -> change.address().equals(address)
                && (change.action() == Action.CREATE || change.action() == Action.REPLACE));
    }

    /** Returns the plan's creates of a kind, with their desired specs. */
    public List<Spec> created(ResourceKind kind) {
        return plan.changes().stream()
                .filter(change -> change.address().kind() == kind)
                .filter(change -> change.action() == Action.CREATE || change.action() == Action.REPLACE)
                .map(ResourceChange::desired)
                .toList();
    }
}
