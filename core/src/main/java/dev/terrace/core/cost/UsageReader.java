package dev.terrace.core.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.diag.Messages;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.stack.Stack;
import dev.terrace.core.stack.YamlDocument;
import dev.terrace.core.stack.YamlSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads the usage assumptions of a stack from three layers, each overriding the one before key
 * by key: the bundled low-traffic defaults, the stack file's {@code usage:} section, and an
 * optional usage file with the same keys at its top level.
 */
public final class UsageReader {

    static final String DEFAULTS_RESOURCE = "usage-defaults.yaml";

    private UsageReader() {
    }

    /** Reads the stack's usage and, when {@code usageFile} is not null, the file's on top of it. */
    public static UsageResult read(Stack stack, Path usageFile) {
        if (usageFile == null) {
            return combine(stack, null);
        }
        String text;
        try {
            text = Files.readString(usageFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            return failed(Messages.diagnostic(Severity.ERROR, "cost.usage_file_missing", usageFile).build());
        } catch (IOException unreadable) {
            return failed(Messages.diagnostic(Severity.ERROR, "cost.usage_file_unreadable", usageFile,
                    unreadable.getMessage()).build());
        }
        return read(stack, usageFile.toString(), text);
    }

    /** Reads the stack's usage with a usage file's text on top; {@code fileName} only labels diagnostics. */
    public static UsageResult read(Stack stack, String fileName, String text) {
        try {
            return combine(stack, YamlDocument.parse(fileName, text));
        } catch (YamlSyntaxException syntax) {
            return failed(Messages.diagnostic(Severity.ERROR, "cost.usage_yaml_syntax", syntax.location().line(),
                    syntax.location().column(), syntax.problem()).location(syntax.location()).build());
        }
    }

    /** Checks the stack file's {@code usage:} section alone, for validation. */
    public static List<Diagnostic> check(Stack stack) {
        return combine(stack, null).diagnostics();
    }

    static Usage defaults() {
        return Defaults.USAGE;
    }

    private static UsageResult combine(Stack stack, YamlDocument file) {
        Set<String> jobs = names(stack, ResourceKind.RUN_JOB);
        Set<String> buckets = names(stack, ResourceKind.BUCKET);
        List<Diagnostic> diagnostics = new ArrayList<>();
        ObjectNode merged = Defaults.TREE.deepCopy();

        YamlDocument stackDocument = stack.document();
        JsonNode section = stackDocument == null ? null : stackDocument.root().get("usage");
        if (section != null && !section.isNull()) {
            UsageSchema schema = new UsageSchema(stackDocument, "usage.");
            schema.check(section, "/usage", jobs, buckets);
            diagnostics.addAll(schema.diagnostics());
            if (section.isObject()) {
                merge(merged, (ObjectNode) section);
            }
        }

        if (file != null) {
            UsageSchema schema = new UsageSchema(file, "");
            schema.check(file.root(), "", jobs, buckets);
            diagnostics.addAll(schema.diagnostics());
            if (file.root().isObject()) {
                merge(merged, (ObjectNode) file.root());
            }
        }

        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return new UsageResult(Optional.empty(), diagnostics);
        }
        return new UsageResult(Optional.of(bind(merged)), diagnostics);
    }

    private static Set<String> names(Stack stack, ResourceKind kind) {
        return stack.all().stream().map(Resource::address).filter(address -> address.kind() == kind)
                .map(address -> address.name()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static UsageResult failed(Diagnostic diagnostic) {
        return new UsageResult(Optional.empty(), List.of(diagnostic));
    }

    /** Merges mappings key by key, so that an entry may set one figure of a bucket and keep the others. */
    private static void merge(ObjectNode target, ObjectNode patch) {
        patch.fields().forEachRemaining(field -> {
            JsonNode current = target.get(field.getKey());
            if (current instanceof ObjectNode currentObject && field.getValue() instanceof ObjectNode patchObject) {
                merge(currentObject, patchObject);
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        });
    }

    /** Binds a tree that {@link UsageSchema} accepted; entries without a figure take it from {@code *}. */
    private static Usage bind(ObjectNode tree) {
        JsonNode minInstances = tree.get(UsageSchema.MIN_INSTANCES);
        Map<String, JobUsage> jobs = new LinkedHashMap<>();
        entries(tree.get(UsageSchema.JOBS)).forEach((name, node) -> jobs.put(name,
                new JobUsage(decimal(node, "executions_per_month"), decimal(node, "duration_seconds"))));
        Map<String, BucketUsage> buckets = new LinkedHashMap<>();
        entries(tree.get(UsageSchema.BUCKETS)).forEach((name, node) -> buckets.put(name,
                new BucketUsage(decimal(node, "storage_gb"), decimal(node, "egress_gb"),
                        decimal(node, "class_a_operations"), decimal(node, "class_b_operations"))));
        return new Usage(
                decimal(tree, "requests_per_month"),
                decimal(tree, "request_duration_ms"),
                decimal(tree, "concurrency"),
                minInstances == null || minInstances.isNull() ? null : minInstances.intValue(),
                decimal(tree, "tasks_operations_per_month"),
                decimal(tree, "image_gb"),
                decimal(tree, "secret_accesses_per_month"),
                decimal(tree, "log_gib"),
                jobs,
                buckets);
    }

    private static Map<String, JsonNode> entries(JsonNode group) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (group == null || !group.isObject()) {
            return out;
        }
        JsonNode any = group.path(Usage.ANY);
        group.fields().forEachRemaining(entry -> {
            ObjectNode filled = any.isObject() ? ((ObjectNode) any).deepCopy() : JsonNodeFactory.instance.objectNode();
            merge(filled, (ObjectNode) entry.getValue());
            out.put(entry.getKey(), filled);
        });
        return out;
    }

    private static BigDecimal decimal(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || !value.isNumber() ? BigDecimal.ZERO : value.decimalValue();
    }

    /** The bundled defaults, read and checked once. */
    private static final class Defaults {
        static final ObjectNode TREE = readTree();
        static final Usage USAGE = bind(TREE.deepCopy());

        private static ObjectNode readTree() {
            try (InputStream in = UsageReader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The bundled " + DEFAULTS_RESOURCE + " is missing");
                }
                YamlDocument document = YamlDocument.parse(DEFAULTS_RESOURCE,
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
                UsageSchema schema = new UsageSchema(document, "");
                schema.check(document.root(), "", null, null);
                if (!schema.diagnostics().isEmpty()) {
                    throw new IllegalStateException("The bundled " + DEFAULTS_RESOURCE + " is invalid: "
                            + schema.diagnostics().get(0).summary());
                }
                return (ObjectNode) document.root();
            } catch (IOException | YamlSyntaxException unreadable) {
                throw new IllegalStateException("Cannot read the bundled " + DEFAULTS_RESOURCE, unreadable);
            }
        }
    }
}
