package dev.terrace.core.model;

import dev.terrace.core.spec.Spec;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One managed cloud object as the stack wants it.
 *
 * @param dependsOn addresses that must exist first: the references in the spec, the API of the
 *     kind, and any {@code depends_on} the stack file states
 * @param sourcePath the JSON pointer in the stack file that diagnostics about this resource point
 *     at when a field has no line of its own
 */
public record Resource(Address address, Chapter chapter, Spec spec, SortedSet<Address> dependsOn,
        String sourcePath) {

    public Resource {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(chapter, "chapter");
        Objects.requireNonNull(spec, "spec");
        if (ResourceKind.of(spec) != address.kind()) {
            throw new IllegalArgumentException("Spec " + spec.getClass().getSimpleName()
                    + " does not match the kind of " + address);
        }
        dependsOn = Collections.unmodifiableSortedSet(dependsOn == null ? new TreeSet<>() : new TreeSet<>(dependsOn));
        sourcePath = sourcePath == null ? "" : sourcePath;
    }

    public ResourceKind kind() {
        return address.kind();
    }
}
