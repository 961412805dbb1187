package dev.terrace.core.secret;

/**
 * Whether two versions of a secret hold the same value, found without returning either value.
 *
 * @param firstBytes the length of the first value in bytes
 * @param secondBytes the length of the second value in bytes
 */
public record VersionComparison(String secretId, String first, String second, boolean same, int firstBytes,
        int secondBytes) {
}
