package dev.terrace.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.core.json.Json;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.spec.Spec;
import dev.terrace.core.stack.FieldPath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two specs of one kind field by field. Mappings are compared key by key so that a
 * change to one environment variable shows as that variable; lists are compared whole.
 */
public final class Differ {

    private Differ() {
    }

    public static List<FieldChange> diff(ResourceKind kind, Spec before, Spec after) {
        Map<String, Leaf> left = flatten(kind, before);
        Map<String, Leaf> right = flatten(kind, after);
        Set<String> fields = new TreeSet<>(left.keySet());
        fields.addAll(right.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            Leaf was = left.get(field);
            Leaf now = right.get(field);
            if (was != null && now != null && was.value().equals(now.value())) {
                continue;
            }
            String topLevel = (was != null ? was : now).topLevel();
            changes.add(new FieldChange(field, was == null ? null : was.value().toString(),
                    now == null ? null : now.value().toString(), kind.replaceFields().contains(topLevel)));
        }
        return changes;
    }

    /** Returns every spec field as its JSON text, keyed by its path, without local fields. */
    static Map<String, Leaf> flatten(ResourceKind kind, Spec spec) {
        Map<String, Leaf> out = new TreeMap<>();
        if (spec == null) {
            return out;
        }
        JsonNode tree = Json.mapper().valueToTree(spec);
        Iterator<Map.Entry<String, JsonNode>> fields = tree.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!kind.localFields().contains(field.getKey())) {
                walk(field.getKey(), FieldPath.of(field.getKey()), field.getValue(), out);
            }
        }
        return out;
    }

    private static void walk(String topLevel, FieldPath path, JsonNode node, Map<String, Leaf> out) {
        if (node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject() && node.size() > 0) {
            node.fields().forEachRemaining(child -> walk(topLevel, path.child(child.getKey()), child.getValue(), out));
            return;
        }
        if ((node.isObject() || node.isArray()) && node.isEmpty()) {
            return;
        }
        out.put(path.toString(), new Leaf(topLevel, node));
    }

    record Leaf(String topLevel, JsonNode value) {
    }
}
