package dev.terrace.gcp.ports;

import com.google.devtools.artifactregistry.v1.ArtifactRegistryClient;
import com.google.devtools.artifactregistry.v1.DockerImage;
import com.google.devtools.artifactregistry.v1.ListDockerImagesRequest;
import dev.terrace.core.port.ContainerImage;
import dev.terrace.core.port.ImageRegistry;
import dev.terrace.gcp.error.ErrorTranslator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Lists a repository's Docker images through Artifact Registry's ListDockerImages. */
public final class GcpImages implements ImageRegistry {

    private final ArtifactRegistryClient registry;
    private final String project;

    public GcpImages(ArtifactRegistryClient registry, String project) {
        this.registry = registry;
        this.project = project;
    }

    @Override
    public List<ContainerImage> images(String location, String repositoryId) {
        String parent = "projects/" + project + "/locations/" + location + "/repositories/" + repositoryId;
        List<ContainerImage> images = ErrorTranslator.call("list the images of repository " + repositoryId, () -> {
            List<ContainerImage> found = new ArrayList<>();
            registry.listDockerImages(ListDockerImagesRequest.newBuilder().setParent(parent).build())
                    .iterateAll().forEach(image -> found.add(image(image)));
            return found;
        });
        images.sort(Comparator.comparing(ContainerImage::uploaded,
                Comparator.nullsLast(Comparator.reverseOrder())));
        return images;
    }

    private static ContainerImage image(DockerImage image) {
        Instant uploaded = image.hasUploadTime()
                ? Instant.ofEpochSecond(image.getUploadTime().getSeconds(), image.getUploadTime().getNanos())
                : null;
        return new ContainerImage(image.getUri(), image.getTagsList(), uploaded, image.getImageSizeBytes());
    }
}
