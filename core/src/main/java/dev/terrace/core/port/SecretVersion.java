package dev.terrace.core.port;

import java.time.Instant;

/**
 * One version of a secret, without its value.
 *
 * @param state {@code ENABLED}, {@code DISABLED} or {@code DESTROYED}
 */
public record SecretVersion(String secretId, String version, String state, Instant createTime) {
}
