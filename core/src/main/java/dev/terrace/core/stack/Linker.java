package dev.terrace.core.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.ReferenceField;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.spec.ApiSpec;
import dev.terrace.core.spec.RunJobSpec;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.core.spec.ServiceAccountSpec;
import dev.terrace.core.spec.Spec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Turns drafts into resources: replaces each address in a reference field with the value its
 * target implies (an email, a member, a secret id, a job's run URL), and collects the dependencies
 * the references, the {@code depends_on} lists and the kinds' APIs imply.
 */
final class Linker {

    private final ObjectMapper mapper;
    private final DiagnosticSink sink;
    private final Settings settings;
    private final Map<Address, StackLoader.Draft> drafts;
    private final Map<Address, Spec> literalSpecs = new LinkedHashMap<>();

    Linker(ObjectMapper mapper, DiagnosticSink sink, Settings settings, Map<Address, StackLoader.Draft> drafts) {
        this.mapper = mapper;
        this.sink = sink;
        this.settings = settings;
        this.drafts = drafts;
    }

    List<Resource> link() {
        for (StackLoader.Draft draft : drafts.values()) {
            String pointer = draft.filePointer() != null ? draft.filePointer() : draft.sourcePath();
            if (draft.filePointer() != null) {
                SpecShape.reportUnknownFields(draft.specType(), draft.spec(), pointer,
                        draft.address().kind().key(), sink);
            }
            SpecShape.convert(mapper, draft.spec(), draft.specType(), pointer, sink)
                    .ifPresent(spec -> literalSpecs.put(draft.address(), spec));
        }
        List<Resource> resources = new ArrayList<>();
        for (StackLoader.Draft draft : drafts.values()) {
            if (literalSpecs.containsKey(draft.address())) {
                linkOne(draft).ifPresent(resources::add);
            }
        }
        return resources;
    }

    private Optional<Resource> linkOne(StackLoader.Draft draft) {
        ObjectNode tree = draft.spec().deepCopy();
        SortedSet<Address> dependencies = new TreeSet<>();
        for (ReferenceField field : draft.address().kind().referenceFields()) {
            List<String> pattern = List.of(field.path().split("\\."));
            resolve(draft, tree, null, null, pattern, 0, new FieldPath(List.of()), field, dependencies);
        }
        for (String dependency : draft.dependsOn()) {
            Optional<Address> target = Address.tryParse(dependency).filter(drafts::containsKey);
            if (target.isEmpty()) {
                sink.atDraftField(Severity.ERROR, draft.address(), draft.filePointer(), draft.sourcePath(),
                        FieldPath.of("depends_on"), dependency, "stack.unknown_dependency", draft.address(),
                        dependency);
            } else {
                dependencies.add(target.get());
            }
        }
        apiOf(draft.address().kind()).ifPresent(dependencies::add);
        dependencies.remove(draft.address());

        String pointer = draft.filePointer() != null ? draft.filePointer() : draft.sourcePath();
        return SpecShape.convert(mapper, tree, draft.specType(), pointer, sink)
                .map(spec -> new Resource(draft.address(), draft.chapter(), spec, dependencies,
                        draft.sourcePath()));
    }

    /** Walks the pattern through the tree and resolves each text leaf it reaches. */
    private void resolve(StackLoader.Draft draft, JsonNode node, JsonNode parent, String keyInParent,
            List<String> pattern, int depth, FieldPath path, ReferenceField field, SortedSet<Address> dependencies) {
        if (node == null || node.isNull()) {
            return;
        }
        if (depth == pattern.size()) {
            if (node.isTextual()) {
                resolveLeaf(draft, node.asText(), parent, keyInParent, path, field, dependencies);
            }
            return;
        }
        String step = pattern.get(depth);
        if (node.isObject()) {
            Iterator<String> names = step.equals("*") ? node.fieldNames() : List.of(step).iterator();
            List<String> keys = new ArrayList<>();
            names.forEachRemaining(keys::add);
            for (String key : keys) {
                resolve(draft, node.get(key), node, key, pattern, depth + 1, path.child(key), field, dependencies);
            }
        } else if (node.isArray() && step.equals("*")) {
            for (int index = 0; index < node.size(); index++) {
                resolve(draft, node.get(index), node, Integer.toString(index), pattern, depth + 1,
                        path.child(index), field, dependencies);
            }
        }
    }

    private void resolveLeaf(StackLoader.Draft draft, String text, JsonNode parent, String keyInParent,
            FieldPath path, ReferenceField field, SortedSet<Address> dependencies) {
        Optional<Address> target = Address.tryParse(text);
        if (target.isEmpty()) {
            return;
        }
        if (target.get().kind() != field.target()) {
            sink.atDraftField(Severity.ERROR, draft.address(), draft.filePointer(), draft.sourcePath(), path, text,
                    "stack.reference_wrong_kind", text, field.target().key());
            return;
        }
        Spec targetSpec = literalSpecs.get(target.get());
        if (targetSpec == null) {
            if (!drafts.containsKey(target.get())) {
                sink.atDraftField(Severity.ERROR, draft.address(), draft.filePointer(), draft.sourcePath(), path,
                        text, "stack.unknown_reference", text);
            }
            return;
        }
        TextNode value = TextNode.valueOf(valueOf(targetSpec, field.form()));
        if (parent instanceof ObjectNode object) {
            object.set(keyInParent, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(keyInParent), value);
        }
        dependencies.add(target.get());
    }

    private String valueOf(Spec target, ReferenceField.Form form) {
        return switch (form) {
            case EMAIL -> ((ServiceAccountSpec) target).email(settings.project());
            case MEMBER -> "serviceAccount:" + ((ServiceAccountSpec) target).email(settings.project());
            case SECRET_ID -> ((SecretSpec) target).secretId();
            case JOB_RUN_URI -> jobRunUri((RunJobSpec) target);
        };
    }

    /** The Cloud Run Admin API v2 URL that starts an execution of a job. */
    private String jobRunUri(RunJobSpec job) {
        return "https://run.googleapis.com/v2/projects/" + settings.project() + "/locations/" + job.location()
                + "/jobs/" + job.name() + ":run";
    }

    /** Finds the stack's resource that enables the kind's API, if the stack manages it. */
    private Optional<Address> apiOf(ResourceKind kind) {
        if (kind == ResourceKind.API) {
            return Optional.empty();
        }
        return literalSpecs.entrySet().stream()
                .filter(entry -> entry.getValue() instanceof ApiSpec api && api.service().equals(kind.apiService()))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
