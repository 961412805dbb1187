package dev.terrace.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.core.json.Json;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.spec.Spec;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads and writes the state file, a JSON document with a format version. */
final class StateCodec {

    static final int FORMAT = 1;

    private final ObjectMapper mapper = Json.mapper();

    String write(State state) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("stack", state.stack());
        root.put("project", state.project());
        root.put("serial", state.serial());
        ObjectNode resources = root.putObject("resources");
        for (StateEntry entry : state.resources().values()) {
            ObjectNode node = resources.putObject(entry.address().toString());
            node.put("chapter", entry.chapter().number());
            node.set("spec", mapper.valueToTree(entry.spec()));
            ArrayNode dependsOn = node.putArray("depends_on");
            entry.dependsOn().forEach(address -> dependsOn.add(address.toString()));
            node.set("attributes", mapper.valueToTree(entry.attributes()));
            node.put("fingerprint", entry.fingerprint());
            node.put("applied_at", entry.appliedAt() == null ? null : entry.appliedAt().toString());
        }
        return mapper.writeValueAsString(root);
    }

    State read(String text) throws IOException {
        JsonNode root = mapper.readTree(text);
        int format = root.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new IOException("state format " + format + " is not supported; this Terrace reads format " + FORMAT);
        }
        Map<Address, StateEntry> resources = new TreeMap<>();
        var fields = root.path("resources").fields();
        while (fields.hasNext()) {
            var field = fields.next();
            Address address = Address.parse(field.getKey());
            JsonNode node = field.getValue();
            Spec spec = mapper.treeToValue(node.get("spec"), address.kind().specType());
            TreeSet<Address> dependsOn = new TreeSet<>();
            node.path("depends_on").forEach(item -> dependsOn.add(Address.parse(item.asText())));
            Map<String, String> attributes = new TreeMap<>();
            node.path("attributes").fields().forEachRemaining(entry -> attributes.put(entry.getKey(),
                    entry.getValue().asText()));
            Chapter chapter = Chapter.byNumber(node.path("chapter").asInt()).orElse(address.kind().defaultChapter());
            String appliedAt = node.path("applied_at").asText(null);
            resources.put(address, new StateEntry(address, chapter, spec, dependsOn, attributes,
                    node.path("fingerprint").asText(), appliedAt == null ? null : Instant.parse(appliedAt)));
        }
        return new State(root.path("stack").asText(), root.path("project").asText(), root.path("serial").asLong(),
                resources);
    }
}
