package dev.terrace.core.plan;

/**
 * One field that differs between the cloud and the stack, values rendered as JSON text; a null
 * side means the field is absent there.
 *
 * @param forcesReplace whether this field cannot change in place
 */
public record FieldChange(String field, String before, String after, boolean forcesReplace) {
}
