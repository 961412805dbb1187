package dev.terrace.core.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.terrace.core.diag.Severity;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks a tree against the record it must become: fields the record lacks are reported with the
 * fields it has, and a value of the wrong type is reported with its place and the expected type.
 */
final class SpecShape {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    private SpecShape() {
    }

    static void reportUnknownFields(Class<?> type, JsonNode node, String pointer, String what, DiagnosticSink sink) {
        if (!type.isRecord() || node == null || !node.isObject()) {
            return;
        }
        Map<String, RecordComponent> components = Arrays.stream(type.getRecordComponents())
                .collect(Collectors.toMap(component -> SNAKE.translate(component.getName()), component -> component));
        node.fields().forEachRemaining(field -> {
            String childPointer = pointer + "/" + YamlDocument.segment(field.getKey());
            RecordComponent component = components.get(field.getKey());
            if (component == null) {
                Set<String> known = new TreeSet<>(components.keySet());
                sink.atPointer(Severity.ERROR, childPointer, "stack.unknown_field", field.getKey(), what,
                        String.join(", ", known));
                return;
            }
            reportNested(component.getGenericType(), field.getValue(), childPointer, what, sink);
        });
    }

    private static void reportNested(Type type, JsonNode value, String pointer, String what, DiagnosticSink sink) {
        if (type instanceof Class<?> plain && plain.isRecord()) {
            reportUnknownFields(plain, value, pointer, what, sink);
        } else if (type instanceof ParameterizedType generic) {
            Type raw = generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (raw == Map.class && value.isObject()) {
                value.fields().forEachRemaining(entry -> reportNested(arguments[1], entry.getValue(),
                        pointer + "/" + YamlDocument.segment(entry.getKey()), what, sink));
            } else if (raw == List.class && value.isArray()) {
                for (int index = 0; index < value.size(); index++) {
                    reportNested(arguments[0], value.get(index), pointer + "/" + index, what, sink);
                }
            }
        }
    }

    /**
     * Converts a tree into a record, reporting a type mismatch at the field it happened in. Unknown
     * fields are skipped here because {@link #reportUnknownFields} reported them already.
     */
    static <T> Optional<T> convert(ObjectMapper mapper, JsonNode node, Class<T> type, String pointer,
            DiagnosticSink sink) {
        try {
            return Optional.of(mapper.readerFor(type)
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(node));
        } catch (JsonMappingException mismatch) {
            String path = mismatch.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : Integer.toString(reference.getIndex()))
                    .collect(Collectors.joining("/"));
            String fieldPointer = path.isEmpty() ? pointer : pointer + "/" + path;
            sink.atPointer(Severity.ERROR, fieldPointer, "stack.invalid_type", path.replace('/', '.'),
                    expected(mismatch));
            return Optional.empty();
        } catch (JsonProcessingException | IllegalArgumentException other) {
            sink.atPointer(Severity.ERROR, pointer, "stack.invalid_type", pointer, firstSentence(other.getMessage()));
            return Optional.empty();
        } catch (java.io.IOException io) {
            throw new IllegalStateException("Reading a tree in memory cannot fail on I/O", io);
        }
    }

    /** Names the expected type in the words of a stack file's author rather than Java's. */
    private static String expected(JsonMappingException mismatch) {
        if (!(mismatch instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException input)
                || input.getTargetType() == null) {
            return firstSentence(mismatch.getOriginalMessage());
        }
        Class<?> target = input.getTargetType();
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number";
        }
        if (target == Double.class || target == double.class) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(target)) {
            return "a list";
        }
        return "a mapping of fields";
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.replace("`", "").replaceAll("\\(class [^)]*\\)", "").trim();
    }
}
