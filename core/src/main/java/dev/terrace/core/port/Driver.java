package dev.terrace.core.port;

import dev.terrace.core.spec.Spec;
import java.util.Optional;

/**
 * The four operations on one kind of resource. Calls block; the engine runs them on its own
 * bounded executor. Each raises {@link CloudException} on failure.
 */
public interface Driver<S extends Spec> {

    /** Reads the object the spec's identity names, or returns empty when it does not exist. */
    Optional<Observed<S>> read(S spec);

    Observed<S> create(S spec);

    /** Changes the object in place to match the desired spec; {@code current} is what refresh read. */
    Observed<S> update(S desired, Observed<S> current);

    /** Deletes the object; raises NOT_FOUND when it is already gone, which apply counts as done. */
    void delete(S spec);

    /**
     * Waits again for a long-running operation that an earlier run recorded in the journal when its
     * time limit passed, then returns what it produced. The default reads the object, which suits
     * drivers whose operations finish within the call.
     */
    default Optional<Observed<S>> resume(String operationName, S spec) {
        return read(spec);
    }
}
