package dev.terrace.core.graph;

import dev.terrace.core.model.Address;
import dev.terrace.core.model.Resource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which resource must exist before which. Edges to addresses outside the graph are dropped, so a
 * graph of part of a stack is still well formed.
 */
public final class ResourceGraph {

    private final Map<Address, Set<Address>> dependencies;
    private final Map<Address, Set<Address>> dependents;

    public ResourceGraph(Map<Address, ? extends Collection<Address>> edges) {
        Map<Address, Set<Address>> forward = new TreeMap<>();
        Map<Address, Set<Address>> backward = new TreeMap<>();
        edges.keySet().forEach(node -> {
            forward.put(node, new TreeSet<>());
            backward.put(node, new TreeSet<>());
        });
        edges.forEach((node, targets) -> targets.stream().filter(forward::containsKey).forEach(target -> {
            forward.get(node).add(target);
            backward.get(target).add(node);
        }));
        this.dependencies = Collections.unmodifiableMap(forward);
        this.dependents = Collections.unmodifiableMap(backward);
    }

    public static ResourceGraph of(Collection<Resource> resources) {
        Map<Address, Set<Address>> edges = new LinkedHashMap<>();
        resources.forEach(resource -> edges.put(resource.address(), resource.dependsOn()));
        return new ResourceGraph(edges);
    }

    public Set<Address> nodes() {
        return dependencies.keySet();
    }

    public Set<Address> dependenciesOf(Address node) {
        return Collections.unmodifiableSet(dependencies.getOrDefault(node, Set.of()));
    }

    public Set<Address> dependentsOf(Address node) {
        return Collections.unmodifiableSet(dependents.getOrDefault(node, Set.of()));
    }

    /** Returns every node that depends on the given one, directly or through others. */
    public Set<Address> transitiveDependentsOf(Address node) {
        Set<Address> seen = new TreeSet<>();
        Deque<Address> work = new ArrayDeque<>(dependentsOf(node));
        while (!work.isEmpty()) {
            Address next = work.pop();
            if (seen.add(next)) {
                work.addAll(dependentsOf(next));
            }
        }
        return seen;
    }

    /**
     * Returns the nodes so that each comes after its dependencies; among nodes that are ready at
     * the same time, the order of {@code tieBreak} decides, which keeps plans deterministic.
     *
     * @throws IllegalStateException when the graph has a cycle
     */
    public List<Address> topologicalOrder(Comparator<Address> tieBreak) {
        Map<Address, Integer> waiting = new HashMap<>();
        dependencies.forEach((node, targets) -> waiting.put(node, targets.size()));
        PriorityQueue<Address> ready = new PriorityQueue<>(tieBreak);
        waiting.forEach((node, count) -> {
            if (count == 0) {
                ready.add(node);
            }
        });
        List<Address> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            Address next = ready.poll();
            order.add(next);
            for (Address dependent : dependentsOf(next)) {
                if (waiting.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() != dependencies.size()) {
            throw new IllegalStateException("The resource graph has a cycle: " + cycles());
        }
        return order;
    }

    /**
     * Returns each cycle as the list of its addresses in dependency order, the first address
     * repeated at the end, so that a message can show the whole loop.
     */
    public List<List<Address>> cycles() {
        List<List<Address>> cycles = new ArrayList<>();
        for (Set<Address> component : new StronglyConnected(dependencies).components()) {
            Address start = component.iterator().next();
            boolean selfLoop = dependencies.get(start).contains(start);
            if (component.size() > 1 || selfLoop) {
                cycles.add(loopThrough(start, component));
            }
        }
        return cycles;
    }

    /** Follows edges inside one strongly connected component from start back to start. */
    private List<Address> loopThrough(Address start, Set<Address> component) {
        Map<Address, Address> cameFrom = new HashMap<>();
        Deque<Address> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            Address current = queue.poll();
            for (Address next : dependencies.get(current)) {
                if (!component.contains(next)) {
                    continue;
                }
                if (next.equals(start)) {
                    List<Address> loop = new ArrayList<>();
                    for (Address step = current; step != null; step = cameFrom.get(step)) {
                        loop.add(0, step);
                    }
                    loop.add(start);
                    return loop;
                }
                if (!cameFrom.containsKey(next) && !next.equals(start)) {
                    cameFrom.put(next, current);
                    queue.add(next);
                }
            }
        }
        return List.of(start, start);
    }

    /**
     * Computes the longest chain of work through the graph when each node takes the given time
     * and every node may start as soon as its dependencies finish. No schedule of unbounded
     * parallelism can finish sooner.
     */
    public CriticalPath criticalPath(Function<Address, Duration> duration) {
        Map<Address, Duration> finish = new HashMap<>();
        Map<Address, Address> via = new HashMap<>();
        Address last = null;
        for (Address node : topologicalOrder(Comparator.naturalOrder())) {
            Duration start = Duration.ZERO;
            for (Address dependency : dependencies.get(node)) {
                if (finish.get(dependency).compareTo(start) > 0) {
                    start = finish.get(dependency);
                    via.put(node, dependency);
                }
            }
            finish.put(node, start.plus(duration.apply(node)));
            if (last == null || finish.get(node).compareTo(finish.get(last)) > 0) {
                last = node;
            }
        }
        List<Address> path = new ArrayList<>();
        for (Address step = last; step != null; step = via.get(step)) {
            path.add(0, step);
        }
        return new CriticalPath(last == null ? Duration.ZERO : finish.get(last), path);
    }
}
