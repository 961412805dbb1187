package dev.terrace.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.json.Json;

/**
 * Renders a plan as JSON for scripts: each change with its address, chapter, action, glyph,
 * field changes, reason and note, the counts, and the diagnostics. Keys are stable.
 */
public final class PlanJson {

    private PlanJson() {
    }

    public static ObjectNode toJson(Plan plan) {
        var mapper = Json.mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", 1);
        root.put("stack", plan.stack());
        root.put("project", plan.project());
        root.put("destroy", plan.destroy());
        root.put("has_changes", plan.hasChanges());
        root.put("has_errors", plan.hasErrors());
        ObjectNode counts = root.putObject("counts");
        plan.counts().forEach((action, count) -> counts.put(action.name().toLowerCase(java.util.Locale.ROOT), count));
        ArrayNode changes = root.putArray("changes");
        for (ResourceChange change : plan.changes()) {
            ObjectNode node = changes.addObject();
            node.put("address", change.address().toString());
            node.put("chapter", change.chapter().number());
            node.put("action", change.action().name().toLowerCase(java.util.Locale.ROOT));
            node.put("glyph", change.action().glyph());
            node.put("adopt", change.adopt());
            node.put("reason", change.reason());
            node.put("note", change.note());
            ArrayNode fields = node.putArray("field_changes");
            change.fieldChanges().forEach(field -> fields.add(mapper.valueToTree(field)));
            ArrayNode dependsOn = node.putArray("depends_on");
            change.dependsOn().forEach(address -> dependsOn.add(address.toString()));
        }
        root.set("diagnostics", diagnostics(plan.diagnostics()));
        return root;
    }

    public static ArrayNode diagnostics(java.util.List<Diagnostic> diagnostics) {
        var mapper = Json.mapper();
        ArrayNode array = mapper.createArrayNode();
        for (Diagnostic diagnostic : diagnostics) {
            ObjectNode node = array.addObject();
            node.put("severity", diagnostic.severity().label());
            node.put("summary", diagnostic.summary());
            node.put("detail", diagnostic.detail());
            node.put("fix", diagnostic.fix());
            node.put("address", diagnostic.address() == null ? null : diagnostic.address().toString());
            if (diagnostic.location() != null) {
                node.put("file", diagnostic.location().file());
                node.put("line", diagnostic.location().line());
                node.put("column", diagnostic.location().column());
            }
            node.put("field", diagnostic.field());
            node.put("value", diagnostic.value());
        }
        return array;
    }

    public static String render(Plan plan) {
        try {
            return Json.mapper().writeValueAsString(toJson(plan));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("A plan tree always serialises", impossible);
        }
    }
}
