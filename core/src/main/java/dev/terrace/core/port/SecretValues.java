package dev.terrace.core.port;

import java.util.List;

/**
 * Secret versions and their values. A value crosses this port only as {@code byte[]}; the caller
 * wipes its array after the call and the implementation wipes its copies.
 */
public interface SecretValues {

    /** Lists every secret of the project, managed by Terrace or not, ordered by id. */
    List<SecretMetadata> secrets();

    List<SecretVersion> versions(String secretId);

    /** Adds a version and returns its number. */
    SecretVersion add(String secretId, byte[] value);

    /** Returns the value of a version number or {@code latest}; the caller must wipe it. */
    byte[] access(String secretId, String version);

    SecretVersion enable(String secretId, String version);

    SecretVersion disable(String secretId, String version);

    SecretVersion destroy(String secretId, String version);
}
