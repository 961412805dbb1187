package dev.terrace.core.spec;

/**
 * An environment variable whose value Cloud Run reads from a secret version when an instance
 * starts.
 *
 * @param version a version number or {@code latest}
 */
public record SecretEnvVar(String secret, String version) {

    public SecretEnvVar {
        version = version == null ? "latest" : version;
    }
}
