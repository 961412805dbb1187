package dev.terrace.core.stack;

import dev.terrace.core.model.Address;
import dev.terrace.core.model.Resource;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The desired configuration read from one stack file: its settings and every resource, those the
 * blueprint implies and those the file adds, in a stable order.
 *
 * @param document the parsed file, kept so diagnostics can point at lines; null for a stack built
 *     in code
 */
public record Stack(String file, Settings settings, Map<Address, Resource> resources, YamlDocument document) {

    public Stack {
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    }

    public static Stack of(String file, Settings settings, List<Resource> resources) {
        Map<Address, Resource> byAddress = new LinkedHashMap<>();
        resources.forEach(resource -> byAddress.put(resource.address(), resource));
        return new Stack(file, settings, byAddress, null);
    }

    public String name() {
        return settings.name();
    }

    public Collection<Resource> all() {
        return resources.values();
    }

    public Optional<Resource> find(Address address) {
        return Optional.ofNullable(resources.get(address));
    }
}
