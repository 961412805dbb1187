package dev.terrace.gcp.preflight;

import com.google.devtools.artifactregistry.v1.DockerImage;
import com.google.devtools.artifactregistry.v1.ListDockerImagesRequest;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.spec.ArtifactRepositorySpec;
import dev.terrace.core.spec.RunJobSpec;
import dev.terrace.core.spec.RunServiceSpec;
import dev.terrace.gcp.error.ErrorTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The image a service or job runs must already be in Artifact Registry: Cloud Run fails a deploy
 * of a missing image and leaves a broken revision behind.
 */
final class ImageCheck implements PreflightCheck {

    /** {@code LOCATION-docker.pkg.dev/PROJECT/REPOSITORY/IMAGE[:TAG|@DIGEST]}. */
    private static final Pattern ARTIFACT_IMAGE = Pattern.compile(
            "([a-z0-9-]+)-docker\\.pkg\\.dev/([^/]+)/([^/]+)/([^:@]+)(?::([^@]+))?(?:@(sha256:[0-9a-f]+))?");

    @Override
    public String name() {
        return "image";
    }

    @Override
    public List<Diagnostic> check(PreflightContext context) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (ResourceKind kind : List.of(ResourceKind.RUN_SERVICE, ResourceKind.RUN_JOB)) {
            for (ResourceChange change : context.writes(kind)) {
                String image = change.desired() instanceof RunServiceSpec service ? service.image()
                        : ((RunJobSpec) change.desired()).image();
                missing(context, image).ifPresent(cause -> diagnostics.add(diagnostic(change.address(), image,
                        cause)));
            }
        }
        return diagnostics;
    }

    /** Returns why the image is missing, or empty when it exists or cannot be checked here. */
    private static Optional<String> missing(PreflightContext context, String image) {
        Matcher matcher = ARTIFACT_IMAGE.matcher(image);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String location = matcher.group(1);
        String repositoryId = matcher.group(3);
        String imageName = matcher.group(4);
        String tag = matcher.group(5) == null && matcher.group(6) == null ? "latest" : matcher.group(5);
        String digest = matcher.group(6);

        boolean repositoryPlanned = context.created(ResourceKind.ARTIFACT_REPOSITORY).stream()
                .map(spec -> (ArtifactRepositorySpec) spec)
                .anyMatch(spec -> spec.repositoryId().equals(repositoryId) && spec.location().equals(location));
        if (repositoryPlanned) {
            return Optional.of("repository " + repositoryId + " does not exist yet; this plan creates it empty");
        }
        if (!context.readable(ResourceKind.ARTIFACT_REPOSITORY)) {
            return Optional.empty();
        }

        String parent = "projects/" + matcher.group(2) + "/locations/" + location + "/repositories/" + repositoryId;
        List<DockerImage> images;
        try {
            images = ErrorTranslator.call("list the images of repository " + repositoryId, () -> {
                List<DockerImage> found = new ArrayList<>();
                context.gateway().clients().artifactRegistry().listDockerImages(ListDockerImagesRequest.newBuilder()
                        .setParent(parent).build()).iterateAll().forEach(found::add);
                return found;
            });
        } catch (CloudException failed) {
            if (failed.category() == ErrorCategory.NOT_FOUND) {
                return Optional.of("repository " + repositoryId + " does not exist in " + location);
            }
            throw failed;
        }

        String base = location + "-docker.pkg.dev/" + matcher.group(2) + "/" + repositoryId + "/" + imageName + "@";
        boolean found = images.stream().filter(candidate -> candidate.getUri().startsWith(base))
                .anyMatch(candidate -> digest != null ? candidate.getUri().endsWith("@" + digest)
                        : candidate.getTagsList().contains(tag));
        return found ? Optional.empty() : Optional.of("no image " + imageName + " with "
                + (digest != null ? "digest " + digest : "tag " + tag) + " is in repository " + repositoryId);
    }

    private static Diagnostic diagnostic(Address address, String image, String cause) {
        return new Diagnostic(Severity.ERROR, "Image not found: " + image,
                address + " would deploy " + image + ", but " + cause + ". Cloud Run would fail the deploy.",
                "Push the image (docker push " + image + ") and plan again. To deploy the rest first, set "
                        + "omit: true under " + address + " in the stack file, apply, push, then remove it.",
                address, null, "image", image);
    }
}
