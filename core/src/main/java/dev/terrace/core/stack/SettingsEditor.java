package dev.terrace.core.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Changes one entry of a stack file's {@code settings} mapping in the file's text, leaving every
 * other line, comment and blank line as it was, so an edit from the console reads like a hand
 * edit in a diff.
 */
public final class SettingsEditor {

    private static final Pattern SETTINGS_LINE = Pattern.compile("^settings:\\s*(#.*)?$");
    private static final Pattern ENTRY = Pattern.compile("^(\\s+)([A-Za-z0-9_]+):(\\s*)([^#]*?)(\\s+#.*)?$");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/@-]*");

    private SettingsEditor() {
    }

    /**
     * Returns the text with {@code settings.KEY} set to {@code value}, quoted when YAML needs it.
     * A key the block lacks is added at its end.
     *
     * @throws IllegalArgumentException when the text has no block-style {@code settings:} mapping
     */
    public static String set(String text, String key, String value) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int start = findSettings(lines);
        String indent = "  ";
        int end = start + 1;
        for (int index = start + 1; index < lines.size(); index++) {
            String line = lines.get(index);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                break;
            }
            end = index + 1;
            Matcher entry = ENTRY.matcher(line);
            if (!entry.matches()) {
                continue;
            }
            indent = entry.group(1);
            if (entry.group(2).equals(key)) {
                String comment = entry.group(5) == null ? "" : entry.group(5);
                lines.set(index, indent + key + ": " + scalar(value) + comment);
                return String.join("\n", lines);
            }
        }
        lines.add(end, indent + key + ": " + scalar(value));
        return String.join("\n", lines);
    }

    private static int findSettings(List<String> lines) {
        for (int index = 0; index < lines.size(); index++) {
            if (SETTINGS_LINE.matcher(lines.get(index)).matches()) {
                return index;
            }
        }
        throw new IllegalArgumentException("The stack file has no block-style settings: mapping to change; "
                + "write each setting on its own line under settings:");
    }

    /** Returns the value as a YAML scalar: bare when that reads back as the same string, else quoted. */
    static String scalar(String value) {
        if (PLAIN.matcher(value).matches() && !isYamlKeyword(value)) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean isYamlKeyword(String value) {
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        return List.of("true", "false", "yes", "no", "on", "off", "null", "y", "n").contains(lower)
                || value.chars().allMatch(character -> Character.isDigit(character) || character == '.');
    }
}
