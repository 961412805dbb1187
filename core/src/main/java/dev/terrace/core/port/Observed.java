package dev.terrace.core.port;

import dev.terrace.core.spec.Spec;
import java.util.Map;
import java.util.TreeMap;

/**
 * A resource as the cloud returned it: the user-owned fields in the same spec type the stack
 * uses, so the planner can compare them, plus the fields the server fills in.
 *
 * @param attributes server-filled values such as {@code etag}, {@code uri} or {@code uid}
 */
public record Observed<S extends Spec>(S spec, Map<String, String> attributes) {

    public Observed {
        attributes = attributes == null ? Map.of() : Map.copyOf(new TreeMap<>(attributes));
    }

    public static <S extends Spec> Observed<S> of(S spec) {
        return new Observed<>(spec, Map.of());
    }
}
