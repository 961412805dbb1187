package dev.terrace.core.stack;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.terrace.core.diag.SourceLocation;
import java.io.IOException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML document read into a Jackson tree that remembers where each value was written, so that a
 * diagnostic can point at the line of the field it is about. Keys are located at the key itself.
 */
public final class YamlDocument {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String file;
    private final JsonNode root;
    private final Map<String, SourceLocation> locations;
    private final List<String> duplicateKeys;

    private YamlDocument(String file, JsonNode root, Map<String, SourceLocation> locations,
            List<String> duplicateKeys) {
        this.file = file;
        this.root = root;
        this.locations = locations;
        this.duplicateKeys = duplicateKeys;
    }

    /**
     * Parses a YAML text.
     *
     * @throws YamlSyntaxException with the line and column of the fault
     */
    public static YamlDocument parse(String file, String text) throws YamlSyntaxException {
        Reader reader = new Reader(file);
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            JsonNode root = first == null ? JsonNodeFactory.instance.objectNode() : reader.read(parser, "");
            return new YamlDocument(file, root, reader.locations, reader.duplicates);
        } catch (JsonProcessingException syntax) {
            MarkedYAMLException marked = markedCause(syntax);
            if (marked != null && marked.getProblemMark() != null) {
                // SnakeYAML's problem mark is where the fault is; Jackson's location is where the token began.
                Mark mark = marked.getProblemMark();
                throw new YamlSyntaxException(new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1),
                        marked.getProblem());
            }
            JsonLocation at = syntax.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            throw new YamlSyntaxException(new SourceLocation(file, line, column), syntax.getOriginalMessage());
        } catch (IOException unexpected) {
            throw new YamlSyntaxException(new SourceLocation(file, 1, 1), unexpected.getMessage());
        }
    }

    private static MarkedYAMLException markedCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked) {
                return marked;
            }
        }
        return null;
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** Returns where the value at a JSON pointer (such as {@code /settings/region}) was written. */
    public Optional<SourceLocation> location(String pointer) {
        return Optional.ofNullable(locations.get(pointer));
    }

    /**
     * Returns the location of the pointer or of its nearest written ancestor, falling back to the
     * first line of the file.
     */
    public SourceLocation nearest(String pointer) {
        String current = pointer;
        while (current != null && !current.isEmpty()) {
            SourceLocation found = locations.get(current);
            if (found != null) {
                return found;
            }
            int slash = current.lastIndexOf('/');
            current = slash <= 0 ? null : current.substring(0, slash);
        }
        return new SourceLocation(file, 1, 1);
    }

    /** JSON pointers of keys written twice in one mapping; YAML keeps only the last one. */
    public List<String> duplicateKeys() {
        return Collections.unmodifiableList(duplicateKeys);
    }

    /** Escapes one pointer segment as RFC 6901 defines it. */
    public static String segment(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** Walks the parser's tokens and records each value's location under its pointer. */
    private static final class Reader {
        private final String file;
        private final Map<String, SourceLocation> locations = new HashMap<>();
        private final List<String> duplicates = new ArrayList<>();

        Reader(String file) {
            this.file = file;
        }

        JsonNode read(JsonParser parser, String pointer) throws IOException {
            locations.putIfAbsent(pointer, locate(parser.currentTokenLocation()));
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT:
                    return readObject(parser, pointer);
                case START_ARRAY:
                    return readArray(parser, pointer);
                case VALUE_STRING:
                    return JsonNodeFactory.instance.textNode(parser.getText());
                case VALUE_NUMBER_INT:
                    return JsonNodeFactory.instance.numberNode(parser.getLongValue());
                case VALUE_NUMBER_FLOAT:
                    return JsonNodeFactory.instance.numberNode(parser.getDecimalValue());
                case VALUE_TRUE:
                    return JsonNodeFactory.instance.booleanNode(true);
                case VALUE_FALSE:
                    return JsonNodeFactory.instance.booleanNode(false);
                case VALUE_NULL:
                    return JsonNodeFactory.instance.nullNode();
                default:
                    return JsonNodeFactory.instance.textNode(parser.getText());
            }
        }

        private ObjectNode readObject(JsonParser parser, String pointer) throws IOException {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                String child = pointer + "/" + segment(name);
                if (object.has(name)) {
                    duplicates.add(child);
                    locations.put(child + "#duplicate", locate(parser.currentTokenLocation()));
                } else {
                    locations.put(child, locate(parser.currentTokenLocation()));
                }
                parser.nextToken();
                object.set(name, read(parser, child));
            }
            return object;
        }

        private ArrayNode readArray(JsonParser parser, String pointer) throws IOException {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(read(parser, pointer + "/" + index));
                index++;
            }
            return array;
        }

        private SourceLocation locate(JsonLocation at) {
            return new SourceLocation(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
        }
    }
}
