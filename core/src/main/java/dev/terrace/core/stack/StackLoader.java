package dev.terrace.core.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.core.blueprint.Blueprint;
import dev.terrace.core.blueprint.BlueprintResource;
import dev.terrace.core.blueprint.Blueprints;
import dev.terrace.core.diag.Messages;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.json.Json;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.spec.Spec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a stack file into a {@link Stack}: parses the YAML, binds the settings, runs the
 * blueprint, merges the file's overrides and additions, and resolves references into values and
 * dependencies. Structural faults become diagnostics and reading goes on, so that one run reports
 * every fault of the file; semantic checks are the {@link dev.terrace.core.validate.Validator}'s.
 */
public final class StackLoader {

    /** Top-level keys of a stack file; {@code usage} holds the cost estimator's assumptions, checked there. */
    static final Set<String> TOP_LEVEL_KEYS = Set.of("blueprint", "settings", "resources", "usage");
    static final Set<String> RESOURCE_META_KEYS = Set.of("chapter", "depends_on", "omit");

    private final ObjectMapper mapper = Json.mapper();

    /** Reads a stack file from disk; a missing or unreadable file is a diagnostic, not an exception. */
    public LoadResult load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            return new LoadResult(Optional.empty(),
                    List.of(Messages.diagnostic(Severity.ERROR, "stack.file_missing", file).build()));
        } catch (IOException unreadable) {
            return new LoadResult(Optional.empty(), List.of(Messages.diagnostic(Severity.ERROR,
                    "stack.file_unreadable", file, unreadable.getMessage()).build()));
        }
        return load(file.toString(), text);
    }

    /** Reads stack file text; {@code fileName} only labels diagnostics. */
    public LoadResult load(String fileName, String text) {
        YamlDocument document;
        try {
            document = YamlDocument.parse(fileName, text);
        } catch (YamlSyntaxException syntax) {
            return new LoadResult(Optional.empty(), List.of(Messages.diagnostic(Severity.ERROR, "stack.yaml_syntax",
                    syntax.location().line(), syntax.location().column(), syntax.problem())
                    .location(syntax.location()).build()));
        }
        DiagnosticSink sink = new DiagnosticSink(document);
        JsonNode root = document.root();
        if (!root.isObject()) {
            sink.atPointer(Severity.ERROR, "", "stack.not_a_mapping");
            return new LoadResult(Optional.empty(), sink.diagnostics());
        }
        reportUnknownKeys(root, "", TOP_LEVEL_KEYS, sink);
        reportDuplicateKeys(document, sink);

        Optional<Settings> settings = new SettingsReader(mapper, sink).read(root.get("settings"));
        Optional<Blueprint> blueprint = blueprint(root.get("blueprint"), sink);
        if (settings.isEmpty()) {
            return new LoadResult(Optional.empty(), sink.diagnostics());
        }

        Map<Address, Draft> drafts = new LinkedHashMap<>();
        blueprint.ifPresent(chosen -> chosen.resources(settings.get()).forEach(resource ->
                drafts.put(resource.address(), Draft.of(resource, mapper))));
        mergeStackResources(root.get("resources"), drafts, sink);

        List<Resource> resources = new Linker(mapper, sink, settings.get(), drafts).link();
        Map<Address, Resource> byAddress = new LinkedHashMap<>();
        resources.forEach(resource -> byAddress.put(resource.address(), resource));
        return new LoadResult(Optional.of(new Stack(fileName, settings.get(), byAddress, document)),
                sink.diagnostics());
    }

    private Optional<Blueprint> blueprint(JsonNode node, DiagnosticSink sink) {
        String name = node == null || node.isNull() ? Blueprints.defaultName() : node.asText();
        if (Blueprints.NONE.equals(name)) {
            return Optional.empty();
        }
        Optional<Blueprint> found = Blueprints.byName(name);
        if (found.isEmpty()) {
            sink.atPointer(Severity.ERROR, "/blueprint", "stack.unknown_blueprint", name,
                    String.join(", ", Blueprints.names()));
        }
        return found;
    }

    private void mergeStackResources(JsonNode resources, Map<Address, Draft> drafts, DiagnosticSink sink) {
        if (resources == null || resources.isNull()) {
            return;
        }
        if (!resources.isObject()) {
            sink.atPointer(Severity.ERROR, "/resources", "stack.resources_not_a_mapping");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> entries = resources.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            mergeStackResource(entry.getKey(), entry.getValue(), drafts, sink);
        }
    }

    private void mergeStackResource(String key, JsonNode body, Map<Address, Draft> drafts, DiagnosticSink sink) {
        String pointer = "/resources/" + YamlDocument.segment(key);
        Optional<Address> address = Address.tryParse(key);
        if (address.isEmpty()) {
            sink.atPointer(Severity.ERROR, pointer, "stack.invalid_address", key, ResourceKind.keys());
            return;
        }
        if (body == null || body.isNull()) {
            body = JsonNodeFactory.instance.objectNode();
        }
        if (!body.isObject()) {
            sink.atPointer(Severity.ERROR, pointer, "stack.resource_not_a_mapping", key);
            return;
        }
        ObjectNode fields = ((ObjectNode) body).deepCopy();
        boolean omit = fields.path("omit").asBoolean(false);
        Optional<Chapter> chapter = readChapter(fields.get("chapter"), pointer, sink);
        List<String> dependsOn = readDependsOn(fields.get("depends_on"), pointer, sink);
        fields.remove(RESOURCE_META_KEYS);

        Draft existing = drafts.get(address.get());
        if (omit) {
            drafts.remove(address.get());
            return;
        }
        if (existing == null) {
            Draft added = new Draft(address.get(), chapter.orElse(address.get().kind().defaultChapter()),
                    fields, new TreeSet<>(dependsOn), pointer, pointer);
            drafts.put(address.get(), added);
            return;
        }
        JsonMerge.merge(existing.spec(), fields);
        existing.dependsOn().addAll(dependsOn);
        chapter.ifPresent(existing::chapter);
        existing.filePointer(pointer);
    }

    private static Optional<Chapter> readChapter(JsonNode node, String pointer, DiagnosticSink sink) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        Optional<Chapter> chapter = node.canConvertToInt() ? Chapter.byNumber(node.asInt()) : Optional.empty();
        if (chapter.isEmpty()) {
            sink.atPointer(Severity.ERROR, pointer + "/chapter", "stack.invalid_chapter", node.asText());
        }
        return chapter;
    }

    private static List<String> readDependsOn(JsonNode node, String pointer, DiagnosticSink sink) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            sink.atPointer(Severity.ERROR, pointer + "/depends_on", "stack.depends_on_not_a_list");
            return out;
        }
        node.forEach(item -> out.add(item.asText()));
        return out;
    }

    static void reportUnknownKeys(JsonNode node, String pointer, Set<String> known, DiagnosticSink sink) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                sink.atPointer(Severity.ERROR, pointer + "/" + YamlDocument.segment(name), "stack.unknown_key",
                        name, pointer.isEmpty() ? "the top level" : pointer.substring(1).replace('/', '.'),
                        String.join(", ", new TreeSet<>(known)));
            }
        });
    }

    private static void reportDuplicateKeys(YamlDocument document, DiagnosticSink sink) {
        for (String pointer : document.duplicateKeys()) {
            String key = pointer.substring(pointer.lastIndexOf('/') + 1);
            String messageKey = pointer.startsWith("/resources/") && pointer.indexOf('/', 11) < 0
                    ? "stack.duplicate_address" : "stack.duplicate_key";
            var location = document.location(pointer + "#duplicate").orElse(document.nearest(pointer));
            var first = document.nearest(pointer);
            sink.add(Messages.diagnostic(Severity.ERROR, messageKey, key, first.line())
                    .location(location).build());
        }
    }

    /** A resource between the blueprint and the linker: its spec as a tree that overrides merge into. */
    static final class Draft {
        private final Address address;
        private Chapter chapter;
        private final ObjectNode spec;
        private final TreeSet<String> dependsOn;
        private final String sourcePath;
        private String filePointer;

        Draft(Address address, Chapter chapter, ObjectNode spec, TreeSet<String> dependsOn, String sourcePath,
                String filePointer) {
            this.address = address;
            this.chapter = chapter;
            this.spec = spec;
            this.dependsOn = dependsOn;
            this.sourcePath = sourcePath;
            this.filePointer = filePointer;
        }

        static Draft of(BlueprintResource resource, ObjectMapper mapper) {
            ObjectNode tree = mapper.valueToTree(resource.spec());
            return new Draft(resource.address(), resource.chapter(), tree, new TreeSet<>(resource.dependsOn()),
                    resource.settingsField(), null);
        }

        Address address() {
            return address;
        }

        Chapter chapter() {
            return chapter;
        }

        void chapter(Chapter newChapter) {
            this.chapter = newChapter;
        }

        ObjectNode spec() {
            return spec;
        }

        TreeSet<String> dependsOn() {
            return dependsOn;
        }

        String sourcePath() {
            return sourcePath;
        }

        /** The resource's entry in the stack file, or null when the file does not mention it. */
        String filePointer() {
            return filePointer;
        }

        void filePointer(String pointer) {
            this.filePointer = pointer;
        }

        Class<? extends Spec> specType() {
            return address.kind().specType();
        }
    }
}
