package dev.terrace.core.port;

import java.util.List;

/** The container images of an Artifact Registry repository, for the console's image view. */
public interface ImageRegistry {

    /**
     * Lists the repository's images, newest upload first.
     *
     * @throws CloudException with NOT_FOUND when the repository does not exist
     */
    List<ContainerImage> images(String location, String repositoryId);
}
