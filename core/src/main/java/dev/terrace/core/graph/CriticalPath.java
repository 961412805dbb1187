package dev.terrace.core.graph;

import dev.terrace.core.model.Address;
import java.time.Duration;
import java.util.List;

/** The longest chain of dependent work in a graph, and how long it takes. */
public record CriticalPath(Duration length, List<Address> path) {

    public CriticalPath {
        path = List.copyOf(path);
    }
}
