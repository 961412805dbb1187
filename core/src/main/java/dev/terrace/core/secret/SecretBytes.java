package dev.terrace.core.secret;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Conversions between secret text and bytes that never make a {@link String}, because a string
 * cannot be wiped. Every intermediate buffer is wiped before these methods return.
 */
public final class SecretBytes {

    private SecretBytes() {
    }

    /**
     * Encodes characters as UTF-8; the caller wipes both arrays. An unpaired surrogate, which no
     * keyboard or file produces, becomes {@code ?} rather than an error.
     */
    public static byte[] utf8(char[] text) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer encoded;
        try {
            encoded = encoder.encode(CharBuffer.wrap(text));
        } catch (CharacterCodingException impossible) {
            throw new IllegalStateException("UTF-8 encoding with REPLACE cannot fail", impossible);
        }
        byte[] bytes = Arrays.copyOf(encoded.array(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }

    /**
     * Decodes strict UTF-8; the caller wipes the result.
     *
     * @throws CharacterCodingException when the bytes are not valid UTF-8
     */
    public static char[] decodeUtf8(byte[] value) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer decoded = decoder.decode(ByteBuffer.wrap(value));
        char[] text = Arrays.copyOf(decoded.array(), decoded.limit());
        Arrays.fill(decoded.array(), '\0');
        return text;
    }

    /** Returns whether the bytes are valid UTF-8, without keeping the decoded text. */
    public static boolean isUtf8(byte[] value) {
        try {
            wipe(decodeUtf8(value));
            return true;
        } catch (CharacterCodingException invalid) {
            return false;
        }
    }

    /** Overwrites the array with zeros; a null array is ignored. */
    public static void wipe(byte[] value) {
        if (value != null) {
            Arrays.fill(value, (byte) 0);
        }
    }

    /** Overwrites the array with NUL characters; a null array is ignored. */
    public static void wipe(char[] value) {
        if (value != null) {
            Arrays.fill(value, '\0');
        }
    }
}
