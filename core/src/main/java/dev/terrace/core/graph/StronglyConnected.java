package dev.terrace.core.graph;

import dev.terrace.core.model.Address;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tarjan's strongly connected components, iterative so that a long dependency chain cannot
 * overflow the stack.
 */
final class StronglyConnected {

    private final Map<Address, Set<Address>> edges;
    private final Map<Address, Integer> index = new HashMap<>();
    private final Map<Address, Integer> lowLink = new HashMap<>();
    private final Deque<Address> stack = new ArrayDeque<>();
    private final Set<Address> onStack = new TreeSet<>();
    private final List<Set<Address>> components = new ArrayList<>();
    private int counter;

    StronglyConnected(Map<Address, Set<Address>> edges) {
        this.edges = edges;
    }

    List<Set<Address>> components() {
        for (Address node : edges.keySet()) {
            if (!index.containsKey(node)) {
                visit(node);
            }
        }
        return components;
    }

    private void visit(Address root) {
        Deque<Frame> frames = new ArrayDeque<>();
        enter(root);
        frames.push(new Frame(root, edges.get(root).iterator()));
        while (!frames.isEmpty()) {
            Frame frame = frames.peek();
            if (frame.next.hasNext()) {
                Address target = frame.next.next();
                if (!index.containsKey(target)) {
                    enter(target);
                    frames.push(new Frame(target, edges.get(target).iterator()));
                } else if (onStack.contains(target)) {
                    lowLink.put(frame.node, Math.min(lowLink.get(frame.node), index.get(target)));
                }
                continue;
            }
            frames.pop();
            if (!frames.isEmpty()) {
                Address parent = frames.peek().node;
                lowLink.put(parent, Math.min(lowLink.get(parent), lowLink.get(frame.node)));
            }
            if (lowLink.get(frame.node).equals(index.get(frame.node))) {
                Set<Address> component = new TreeSet<>();
                Address member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(frame.node));
                components.add(component);
            }
        }
    }

    private void enter(Address node) {
        index.put(node, counter);
        lowLink.put(node, counter);
        counter++;
        stack.push(node);
        onStack.add(node);
    }

    private record Frame(Address node, Iterator<Address> next) {
    }
}
