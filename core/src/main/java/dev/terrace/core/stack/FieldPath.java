package dev.terrace.core.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A path to a value inside a spec or the settings, kept as segments because map keys such as IAM
 * roles contain dots and slashes.
 */
public record FieldPath(List<String> segments) {

    public FieldPath {
        segments = List.copyOf(segments);
    }

    public static FieldPath of(String... segments) {
        return new FieldPath(List.of(segments));
    }

    public FieldPath child(String segment) {
        List<String> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new FieldPath(longer);
    }

    public FieldPath child(int index) {
        return child(Integer.toString(index));
    }

    /** Returns the RFC 6901 pointer, such as {@code /env/PORT}. */
    public String pointer() {
        return segments.stream().map(segment -> "/" + YamlDocument.segment(segment)).collect(Collectors.joining());
    }

    /** Returns the path as users read it, such as {@code env.PORT} or {@code iam["roles/run.invoker"]}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            if (segment.matches("[A-Za-z0-9_-]+")) {
                out.append(out.length() == 0 ? "" : ".").append(segment);
            } else {
                out.append("[\"").append(segment).append("\"]");
            }
        }
        return out.toString();
    }
}
