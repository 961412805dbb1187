package dev.terrace.core.spec;

import java.util.Map;

/** An Artifact Registry repository. */
public record ArtifactRepositorySpec(
        String repositoryId,
        String location,
        String format,
        String description,
        Map<String, String> labels) implements Spec {

    public ArtifactRepositorySpec {
        labels = Specs.sorted(labels);
    }

    @Override
    public String identity() {
        return location + "/" + repositoryId;
    }
}
