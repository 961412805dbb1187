package dev.terrace.core.secret;

import java.security.SecureRandom;

/** Generates Django secret keys: 50 characters from the URL-safe base64 alphabet, from {@link SecureRandom}. */
public final class DjangoKey {

    /** The length of a generated key, in characters. */
    public static final int LENGTH = 50;

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private DjangoKey() {
    }

    /** Returns a new key; the caller wipes it after use. */
    public static char[] generate() {
        char[] key = new char[LENGTH];
        for (int index = 0; index < LENGTH; index++) {
            key[index] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return key;
    }
}
