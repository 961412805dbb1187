package dev.terrace.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The stack-wide name of a resource, {@code kind.name}, such as {@code run_service.web} or
 * {@code secret.DATABASE_URL}. The name part is the stack's own label and need not match the cloud
 * object's name.
 */
public record Address(ResourceKind kind, String name) implements Comparable<Address> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    public Address {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid address name \"" + name
                    + "\": use 1 to 100 letters, digits, '_' or '-'.");
        }
    }

    /** Parses {@code kind.name}, or returns empty when the text is not an address of a known kind. */
    public static Optional<Address> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            return Optional.empty();
        }
        Optional<ResourceKind> kind = ResourceKind.byKey(text.substring(0, dot));
        String name = text.substring(dot + 1);
        if (kind.isEmpty() || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Address(kind.get(), name));
    }

    /** Parses {@code kind.name}, raising {@link IllegalArgumentException} with the rule when it is not one. */
    @JsonCreator
    public static Address parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("Invalid address \"" + text
                + "\": expected KIND.NAME where KIND is one of " + ResourceKind.keys() + "."));
    }

    @Override
    public int compareTo(Address other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : name.compareTo(other.name);
    }

    @JsonValue
    @Override
    public String toString() {
        return kind.key() + "." + name;
    }
}
