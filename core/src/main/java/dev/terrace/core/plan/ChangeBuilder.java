package dev.terrace.core.plan;

import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.diag.Messages;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.Observed;
import dev.terrace.core.spec.ApiSpec;
import dev.terrace.core.spec.Labels;
import dev.terrace.core.spec.Spec;
import dev.terrace.core.stack.Stack;
import dev.terrace.core.state.Journal;
import dev.terrace.core.state.State;
import dev.terrace.core.state.StateEntry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Turns one refreshed resource into a change, with the notes and diagnostics that explain it. */
final class ChangeBuilder {

    private final String stackName;
    private final State state;
    private final Journal journal;
    private final Set<String> enabled;
    private final List<Diagnostic> diagnostics;

    ChangeBuilder(String stackName, State state, Journal journal, Set<String> enabled, List<Diagnostic> diagnostics) {
        this.stackName = stackName;
        this.state = state;
        this.journal = journal;
        this.enabled = enabled;
        this.diagnostics = diagnostics;
    }

    Optional<ResourceChange> forDesired(Resource resource, Planner.Refreshed refreshed, Stack stack) {
        Address address = resource.address();
        if (refreshed.error() != null) {
            diagnostics.add(refreshFailed(address, refreshed.error()));
            if (state.find(address).isPresent()) {
                return Optional.empty();
            }
            // The plan cannot be applied with this error, but showing the create it would make lets
            // preflight checks explain the cause, such as a bucket name another project holds.
            return Optional.of(change(resource, Action.CREATE, Differ.diff(resource.kind(), null, resource.spec()),
                    null, Messages.get("plan.note.unreadable"), false, null, null));
        }

        if (refreshed.disabledApi() != null) {
            return Optional.of(createAfterEnabling(resource, refreshed.disabledApi(), stack));
        }

        Optional<StateEntry> recorded = state.find(address);
        if (recorded.isPresent() && !recorded.get().spec().identity().equals(resource.spec().identity())) {
            String reason = Messages.get("plan.reason.identity_changed", recorded.get().spec().identity(),
                    resource.spec().identity());
            return Optional.of(change(resource, Action.REPLACE, Differ.diff(resource.kind(), recorded.get().spec(),
                    resource.spec()), reason, null, false, recorded.get().spec(), null));
        }

        if (refreshed.observed().isEmpty()) {
            return Optional.of(change(resource, Action.CREATE, Differ.diff(resource.kind(), null, resource.spec()),
                    null, null, false, null, null));
        }
        return Optional.of(forExisting(resource, refreshed.observed().get(), recorded.isEmpty()));
    }

    /**
     * Compares an object that exists with the stack: no change, an update, or a replace. An object
     * whose latest deploy failed is updated even when no field differs, so that apply deploys it again.
     */
    private ResourceChange forExisting(Resource resource, Observed<Spec> observed, boolean adopt) {
        List<FieldChange> fields = Differ.diff(resource.kind(), observed.spec(), resource.spec());
        boolean replace = fields.stream().anyMatch(FieldChange::forcesReplace);
        Action action = Action.UPDATE;
        if (fields.isEmpty() && !observed.failed()) {
            action = Action.NO_OP;
        } else if (replace) {
            action = Action.REPLACE;
        }

        String reason = null;
        if (replace) {
            reason = Messages.get("plan.reason.forces_replace", fields.stream().filter(FieldChange::forcesReplace)
                    .map(FieldChange::field).collect(Collectors.joining(", ")));
        } else if (observed.failed()) {
            reason = Messages.get("plan.reason.failed", observed.attributes().get(Observed.FAILED));
        }
        String note = adopt ? adoptionNote(resource, observed) : null;
        return change(resource, action, fields, reason, note, adopt, observed.spec(), observed);
    }

    private ResourceChange createAfterEnabling(Resource resource, String api, Stack stack) {
        boolean stackEnablesIt = stack.all().stream()
                .anyMatch(other -> other.spec() instanceof ApiSpec spec && spec.service().equals(api));
        if (!stackEnablesIt) {
            diagnostics.add(Messages.diagnostic(Severity.ERROR, "plan.api_disabled", api, resource.address())
                    .address(resource.address()).build());
        }
        String note = Messages.get("plan.note.after_enabling", api);
        return change(resource, Action.CREATE, Differ.diff(resource.kind(), null, resource.spec()), null, note,
                false, null, null);
    }

    /** Explains why an object that exists without a state entry is taken under management. */
    private String adoptionNote(Resource resource, Observed<Spec> observed) {
        Address address = resource.address();
        if (journal.find(address).isPresent()) {
            return Messages.get("plan.note.adopt_interrupted");
        }
        if (stackName.equals(Labels.of(observed.spec()).get(Labels.STACK))) {
            return Messages.get("plan.note.adopt_labelled");
        }
        if (resource.kind() == ResourceKind.API || resource.kind() == ResourceKind.PROJECT_IAM_MEMBER) {
            return Messages.get("plan.note.adopt_existing_grant");
        }
        diagnostics.add(Messages.diagnostic(Severity.WARNING, "plan.adopt_unmanaged", address,
                resource.spec().identity()).address(address).build());
        return Messages.get("plan.note.adopt_unmanaged");
    }

    ResourceChange forOrphan(StateEntry entry, Planner.Refreshed refreshed, Stack stack) {
        Address address = entry.address();
        SortedSet<Address> waitFor = dependentsInState(address);
        if (entry.spec() instanceof ApiSpec api && api.service().equals(ResourceKind.API.apiService())) {
            // Disabling Service Usage would fail every other disable and lock Terrace out of the project.
            return new ResourceChange(address, entry.chapter(), Action.NO_OP, List.of(), null,
                    Messages.get("plan.note.forget_service_usage"), false, null, entry.spec(), null, waitFor);
        }
        if (refreshed.error() != null) {
            diagnostics.add(refreshFailed(address, refreshed.error()));
        } else if (refreshed.disabledApi() != null || refreshed.observed().isEmpty()) {
            String note = refreshed.disabledApi() != null
                    ? Messages.get("plan.note.forget_api_disabled", refreshed.disabledApi())
                    : Messages.get("plan.note.forget_gone");
            return new ResourceChange(address, entry.chapter(), Action.NO_OP, List.of(), null, note, false, null,
                    entry.spec(), null, waitFor);
        }
        String reason = stack.find(address).isPresent() ? Messages.get("plan.reason.destroy")
                : Messages.get("plan.reason.removed_from_stack");
        Spec prior = refreshed.observed().map(Observed::spec).orElse(entry.spec());
        return new ResourceChange(address, entry.chapter(), Action.DELETE, Differ.diff(address.kind(), prior, null),
                reason, null, false, null, prior, refreshed.observed().orElse(null), waitFor);
    }

    /** Returns the resources that depended on this one, whose deletes must come first. */
    private SortedSet<Address> dependentsInState(Address address) {
        return state.resources().values().stream()
                .filter(other -> other.dependsOn().contains(address))
                .map(StateEntry::address)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static ResourceChange change(Resource resource, Action action, List<FieldChange> fields, String reason,
            String note, boolean adopt, Spec prior, Observed<? extends Spec> observed) {
        return new ResourceChange(resource.address(), resource.chapter(), action, fields, reason, note, adopt,
                resource.spec(), prior, observed, resource.dependsOn());
    }

    private static Diagnostic refreshFailed(Address address, CloudException error) {
        return Messages.diagnostic(Severity.ERROR, "plan.refresh_failed", address, error.category(),
                error.getMessage()).address(address).build();
    }
}
