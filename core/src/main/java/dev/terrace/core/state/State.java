package dev.terrace.core.state;

import dev.terrace.core.model.Address;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The resources one stack manages, as of the last write. Immutable: each change returns a new
 * state, so a copy handed to a listener cannot change under it.
 *
 * @param serial incremented on every write, to tell which of two copies is newer
 */
public record State(String stack, String project, long serial, Map<Address, StateEntry> resources) {

    public State {
        resources = Collections.unmodifiableMap(new TreeMap<>(resources));
    }

    public static State empty(String stack, String project) {
        return new State(stack, project, 0, Map.of());
    }

    public Optional<StateEntry> find(Address address) {
        return Optional.ofNullable(resources.get(address));
    }

    public State with(StateEntry entry) {
        Map<Address, StateEntry> next = new TreeMap<>(resources);
        next.put(entry.address(), entry);
        return new State(stack, project, serial + 1, next);
    }

    public State without(Address address) {
        Map<Address, StateEntry> next = new TreeMap<>(resources);
        next.remove(address);
        return new State(stack, project, serial + 1, next);
    }
}
