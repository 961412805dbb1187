package dev.terrace.core.secret;

import dev.terrace.core.model.Address;

/**
 * A Cloud Run service or job of the stack that reads a secret into an environment variable.
 *
 * @param resource the service or job, such as {@code run_service.web}
 * @param envVar the environment variable the secret fills
 * @param version {@code latest} or a pinned version number
 */
public record SecretReader(Address resource, String envVar, String version) {

    public static final String LATEST = "latest";

    /** Returns whether the reader names one version number instead of {@code latest}. */
    public boolean pinned() {
        return !LATEST.equals(version);
    }
}
