package dev.terrace.core.state;

import dev.terrace.core.model.Address;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.spec.Spec;
import java.time.Instant;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What Terrace recorded about one resource it manages after the last successful operation on it.
 *
 * @param spec the spec last applied, which a later destroy uses to find the object
 * @param attributes server-filled values the cloud returned (ids, etags, URLs), never a secret
 * @param fingerprint a hash of the spec, to tell at a glance whether two entries agree
 */
public record StateEntry(Address address, Chapter chapter, Spec spec, SortedSet<Address> dependsOn,
        Map<String, String> attributes, String fingerprint, Instant appliedAt) {

    public StateEntry {
        dependsOn = new TreeSet<>(dependsOn);
        attributes = Map.copyOf(new TreeMap<>(attributes == null ? Map.of() : attributes));
    }
}
