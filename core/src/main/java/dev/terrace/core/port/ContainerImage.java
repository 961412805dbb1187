package dev.terrace.core.port;

import java.time.Instant;
import java.util.List;

/**
 * One image in a registry.
 *
 * @param uri the image's address by digest, such as {@code REGION-docker.pkg.dev/P/app-repo/app@sha256:...}
 * @param tags its tags, such as {@code latest} and a commit SHA; empty for an untagged image
 * @param uploaded when it was pushed, or null when the registry does not say
 * @param sizeBytes its compressed size, or 0 when unknown
 */
public record ContainerImage(String uri, List<String> tags, Instant uploaded, long sizeBytes) {

    public ContainerImage {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
