package dev.terrace.core.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.core.diag.Severity;
import java.util.List;
import java.util.Optional;

/** Binds the stack file's {@code settings} mapping, reporting unknown keys and missing required ones. */
final class SettingsReader {

    private static final List<String> REQUIRED = List.of("project", "region", "app");

    private final ObjectMapper mapper;
    private final DiagnosticSink sink;

    SettingsReader(ObjectMapper mapper, DiagnosticSink sink) {
        this.mapper = mapper;
        this.sink = sink;
    }

    Optional<Settings> read(JsonNode node) {
        if (node == null || node.isNull()) {
            sink.atPointer(Severity.ERROR, "", "stack.settings_missing");
            return Optional.empty();
        }
        if (!node.isObject()) {
            sink.atPointer(Severity.ERROR, "/settings", "stack.settings_not_a_mapping");
            return Optional.empty();
        }
        ObjectNode settings = ((ObjectNode) node).deepCopy();
        SpecShape.reportUnknownFields(Settings.class, settings, "/settings", "settings", sink);
        boolean complete = true;
        for (String required : REQUIRED) {
            JsonNode value = settings.get(required);
            if (value == null || value.isNull() || value.asText().isBlank()) {
                sink.atPointer(Severity.ERROR, "/settings", "stack.setting_missing", required);
                complete = false;
            }
        }
        for (var it = settings.fields(); it.hasNext(); ) {
            var field = it.next();
            if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                continue;
            }
            if (!field.getValue().isTextual()) {
                // A number such as a project number or a git SHA of digits is read as text.
                field.setValue(mapper.getNodeFactory().textNode(field.getValue().asText()));
            }
        }
        if (!complete) {
            return Optional.empty();
        }
        return SpecShape.convert(mapper, settings, Settings.class, "/settings", sink);
    }
}
