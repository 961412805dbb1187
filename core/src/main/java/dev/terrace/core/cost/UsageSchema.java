package dev.terrace.core.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.diag.Messages;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.stack.YamlDocument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks one source of usage assumptions (the stack's {@code usage:} section or a usage file)
 * key by key, so that each fault names its key, its value, its line and the fix.
 */
final class UsageSchema {

    static final Set<String> NUMBERS = Set.of("requests_per_month", "request_duration_ms", "concurrency",
            "tasks_operations_per_month", "image_gb", "secret_accesses_per_month", "log_gib");
    static final String MIN_INSTANCES = "min_instances";
    static final String JOBS = "jobs";
    static final String BUCKETS = "buckets";
    static final Set<String> JOB_KEYS = Set.of("executions_per_month", "duration_seconds");
    static final Set<String> BUCKET_KEYS = Set.of("storage_gb", "egress_gb", "class_a_operations",
            "class_b_operations");

    private final YamlDocument document;
    private final String fieldPrefix;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    /**
     * @param fieldPrefix what the dotted field names of diagnostics start with: {@code usage.} for
     *     the stack's section, empty for a usage file
     */
    UsageSchema(YamlDocument document, String fieldPrefix) {
        this.document = document;
        this.fieldPrefix = fieldPrefix;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * Checks a usage mapping.
     *
     * @param jobNames the stack's Cloud Run job names, or null to accept any name
     * @param bucketNames the stack's bucket names, or null to accept any name
     */
    void check(JsonNode node, String pointer, Set<String> jobNames, Set<String> bucketNames) {
        if (!node.isObject()) {
            report("cost.usage_not_a_mapping", pointer, "", node, displayName(pointer, ""));
            return;
        }
        Set<String> known = new TreeSet<>(NUMBERS);
        known.addAll(List.of(MIN_INSTANCES, JOBS, BUCKETS));
        node.fields().forEachRemaining(field -> {
            String key = field.getKey();
            String child = pointer + "/" + YamlDocument.segment(key);
            JsonNode value = field.getValue();
            if (NUMBERS.contains(key)) {
                BigDecimal number = number(value, child, key);
                if (number != null && key.equals("concurrency") && number.compareTo(BigDecimal.ONE) < 0) {
                    report("cost.usage_concurrency_below_one", child, key, value, fieldPrefix + key);
                }
            } else if (key.equals(MIN_INSTANCES)) {
                integer(value, child, key);
            } else if (key.equals(JOBS)) {
                checkEntries(value, child, JOBS, jobNames, JOB_KEYS);
            } else if (key.equals(BUCKETS)) {
                checkEntries(value, child, BUCKETS, bucketNames, BUCKET_KEYS);
            } else {
                report("cost.usage_unknown_key", child, key, value, key, where(pointer, ""), String.join(", ", known));
            }
        });
    }

    private void checkEntries(JsonNode node, String pointer, String group, Set<String> names, Set<String> keys) {
        if (!node.isObject()) {
            report("cost.usage_not_a_mapping", pointer, group, node, fieldPrefix + group);
            return;
        }
        node.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            String entryPointer = pointer + "/" + YamlDocument.segment(name);
            String path = group + "." + name;
            if (names != null && !name.equals(Usage.ANY) && !names.contains(name)) {
                Set<String> allowed = new TreeSet<>(names);
                allowed.add(Usage.ANY);
                report("cost.usage_unknown_key", entryPointer, path, entry.getValue(), name,
                        where(pointer, group), String.join(", ", allowed));
                return;
            }
            if (!entry.getValue().isObject()) {
                report("cost.usage_not_a_mapping", entryPointer, path, entry.getValue(), fieldPrefix + path);
                return;
            }
            entry.getValue().fields().forEachRemaining(field -> {
                String fieldPointer = entryPointer + "/" + YamlDocument.segment(field.getKey());
                String fieldPath = path + "." + field.getKey();
                if (keys.contains(field.getKey())) {
                    number(field.getValue(), fieldPointer, fieldPath);
                } else {
                    report("cost.usage_unknown_key", fieldPointer, fieldPath, field.getValue(), field.getKey(),
                            where(entryPointer, path), String.join(", ", new TreeSet<>(keys)));
                }
            });
        });
    }

    private BigDecimal number(JsonNode value, String pointer, String path) {
        if (!value.isNumber()) {
            report("cost.usage_not_a_number", pointer, path, value, fieldPrefix + path, value.asText());
            return null;
        }
        BigDecimal number = value.decimalValue();
        if (number.signum() < 0) {
            report("cost.usage_negative", pointer, path, value, fieldPrefix + path, number.toPlainString());
            return null;
        }
        return number;
    }

    private void integer(JsonNode value, String pointer, String path) {
        BigDecimal number = number(value, pointer, path);
        if (number != null && !value.canConvertToExactIntegral()) {
            report("cost.usage_not_an_integer", pointer, path, value, fieldPrefix + path, number.toPlainString());
        }
    }

    private String where(String pointer, String path) {
        return path.isEmpty() ? displayName(pointer, path) : fieldPrefix + path;
    }

    private String displayName(String pointer, String path) {
        if (!path.isEmpty()) {
            return fieldPrefix + path;
        }
        return fieldPrefix.isEmpty() ? "the top level of " + document.file() : "usage";
    }

    private void report(String key, String pointer, String path, JsonNode value, Object... arguments) {
        String field = path.isEmpty() ? null : fieldPrefix + path;
        String shown = value == null || value.isContainerNode() ? null : value.asText();
        diagnostics.add(Messages.diagnostic(Severity.ERROR, key, arguments)
                .field(field, shown)
                .location(document.nearest(pointer))
                .build());
    }
}
