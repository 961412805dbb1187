package dev.terrace.core.stack;

/**
 * The stack file's {@code settings}: the few facts a blueprint turns into resources.
 *
 * @param name the stack's name, which names its state folder and labels its resources; defaults
 *     to the app name
 * @param app the app's short name, the prefix of most resource names
 * @param domain the public domain without {@code www.}, or null when the app has none yet
 * @param imageTag the image tag the service and jobs run, {@code latest} or a git SHA
 * @param githubRepository {@code OWNER/REPO} that deploys through workload identity federation
 * @param repositoryId the Artifact Registry repository of the app's images
 * @param imageName the image name inside that repository
 */
public record Settings(
        String name,
        String project,
        String region,
        String app,
        String domain,
        String imageTag,
        String githubRepository,
        String repositoryId,
        String imageName) {

    public Settings {
        imageTag = imageTag == null ? "latest" : imageTag;
        repositoryId = repositoryId == null ? "app-repo" : repositoryId;
        imageName = imageName == null ? "app" : imageName;
        name = name == null ? app : name;
    }

    /** Returns the image URL the service and jobs run, such as {@code REGION-docker.pkg.dev/P/app-repo/app:latest}. */
    public String imageUrl() {
        return region + "-docker.pkg.dev/" + project + "/" + repositoryId + "/" + imageName + ":" + imageTag;
    }
}
