package dev.terrace.core.spec;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Normalisers that keep spec records comparable: no nulls, sorted maps, sorted member lists. */
final class Specs {

    private Specs() {
    }

    static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }

    static List<String> list(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Sorts roles and the members of each role, since IAM treats both as sets. */
    static Map<String, List<String>> iam(Map<String, List<String>> iam) {
        if (iam == null) {
            return Map.of();
        }
        Map<String, List<String>> sorted = new TreeMap<>();
        iam.forEach((role, members) -> sorted.put(role,
                members == null ? List.of() : List.copyOf(new TreeSet<>(members))));
        return Collections.unmodifiableMap(sorted);
    }
}
