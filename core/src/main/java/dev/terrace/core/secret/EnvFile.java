package dev.terrace.core.secret;

import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes the {@code .env} format: {@code NAME=value} lines with an optional
 * {@code export} prefix, {@code #} comments, single quotes taken literally, and double quotes that
 * may span lines and understand {@code \n}, {@code \t}, {@code \"} and {@code \\}. Values are parsed
 * as characters in place and never become strings; errors name the line, not its content.
 */
final class EnvFile {

    private final char[] text;
    private int position;
    private int line = 1;

    private EnvFile(char[] text) {
        this.text = text;
    }

    /** Parses the file's bytes; the caller wipes the entries and its own array. */
    static List<EnvEntry> parse(byte[] content) {
        char[] text;
        try {
            text = SecretBytes.decodeUtf8(content);
        } catch (CharacterCodingException invalid) {
            throw SecretInputException.of("secret.env_not_utf8");
        }
        List<EnvEntry> entries = new ArrayList<>();
        try {
            new EnvFile(text).readAll(entries);
            return entries;
        } catch (RuntimeException failed) {
            entries.forEach(EnvEntry::wipe);
            throw failed;
        } finally {
            SecretBytes.wipe(text);
        }
    }

    /** Returns a {@code .env.example} that lists the names with empty values. */
    static String example(List<String> names) {
        StringBuilder example = new StringBuilder(
                "# Secrets of this stack. Values live in Secret Manager; add them with terrace secrets add NAME.\n");
        names.forEach(name -> example.append(name).append("=\n"));
        return example.toString();
    }

    private void readAll(List<EnvEntry> entries) {
        Set<String> seen = new HashSet<>();
        while (position < text.length) {
            skipBlanks();
            if (position >= text.length) {
                break;
            }
            if (text[position] == '#' || text[position] == '\n') {
                skipLine();
                continue;
            }
            int start = line;
            String name = readName();
            if (!seen.add(name)) {
                throw SecretInputException.of("secret.env_duplicate", name, start);
            }
            entries.add(new EnvEntry(name, start, readValue(start)));
        }
    }

    private String readName() {
        int start = position;
        while (position < text.length && isNameChar(text[position])) {
            position++;
        }
        String name = new String(text, start, position - start);
        if (name.equals("export") && position < text.length && text[position] == ' ') {
            skipBlanks();
            return readName();
        }
        if (name.isEmpty() || Character.isDigit(name.charAt(0)) || position >= text.length || text[position] != '=') {
            throw SecretInputException.of("secret.env_syntax", line);
        }
        position++;
        return name;
    }

    private byte[] readValue(int startLine) {
        char[] scratch = new char[text.length - position];
        int length = 0;
        try {
            if (position < text.length && (text[position] == '"' || text[position] == '\'')) {
                length = readQuoted(scratch, startLine);
                skipBlanks();
                if (position < text.length && text[position] != '#' && text[position] != '\n') {
                    throw SecretInputException.of("secret.env_syntax", line);
                }
                skipLine();
            } else {
                length = readUnquoted(scratch);
            }
            return SecretBytes.utf8(Arrays.copyOf(scratch, length));
        } finally {
            SecretBytes.wipe(scratch);
        }
    }

    private int readQuoted(char[] scratch, int startLine) {
        char quote = text[position++];
        int length = 0;
        while (position < text.length && text[position] != quote) {
            char next = text[position++];
            if (next == '\n') {
                line++;
            }
            if (quote == '"' && next == '\\' && position < text.length) {
                next = unescape(text[position++]);
            }
            scratch[length++] = next;
        }
        if (position >= text.length) {
            throw SecretInputException.of("secret.env_unclosed_quote", startLine);
        }
        position++;
        return length;
    }

    private int readUnquoted(char[] scratch) {
        int length = 0;
        while (position < text.length && text[position] != '\n') {
            if (text[position] == '#' && (length == 0 || Character.isWhitespace(scratch[length - 1]))) {
                break;
            }
            scratch[length++] = text[position++];
        }
        skipLine();
        while (length > 0 && Character.isWhitespace(scratch[length - 1])) {
            length--;
        }
        return length;
    }

    private static char unescape(char escaped) {
        switch (escaped) {
            case 'n':
                return '\n';
            case 't':
                return '\t';
            case 'r':
                return '\r';
            default:
                return escaped;
        }
    }

    private void skipBlanks() {
        while (position < text.length && text[position] != '\n' && Character.isWhitespace(text[position])) {
            position++;
        }
    }

    private void skipLine() {
        while (position < text.length && text[position] != '\n') {
            position++;
        }
        if (position < text.length) {
            position++;
            line++;
        }
    }

    private static boolean isNameChar(char character) {
        return character == '_' || (character >= 'A' && character <= 'Z') || (character >= 'a' && character <= 'z')
                || (character >= '0' && character <= '9');
    }
}
