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

    /**
     * The attribute a driver sets, to the cloud's message, when the object's latest deploy failed
     * (such as a Cloud Run revision that never became ready). The planner then plans an update
     * even when no field differs, and the driver's update deploys the object again.
     */
    public static final String FAILED = "failed";

    public Observed {
        attributes = attributes == null ? Map.of() : Map.copyOf(new TreeMap<>(attributes));
    }

    public static <S extends Spec> Observed<S> of(S spec) {
        return new Observed<>(spec, Map.of());
    }

    /** Returns whether the cloud reports the object's latest deploy as failed. */
    public boolean failed() {
        return attributes.containsKey(FAILED);
    }
}
