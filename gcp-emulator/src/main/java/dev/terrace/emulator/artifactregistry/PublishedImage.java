package dev.terrace.emulator.artifactregistry;

import java.util.List;

/**
 * An image published into the sandbox registry.
 *
 * @param name resource name, {@code projects/P/locations/L/repositories/R/dockerImages/IMAGE@sha256:D}
 * @param uri pull reference by digest, {@code L-docker.pkg.dev/P/R/IMAGE@sha256:D}
 * @param digest {@code sha256:} followed by 64 hex digits
 * @param tags tags now on this image
 */
public record PublishedImage(String name, String uri, String digest, List<String> tags) {}
