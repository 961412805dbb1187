package dev.terrace.emulator.artifactregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.devtools.artifactregistry.v1.DockerImage;
import com.google.devtools.artifactregistry.v1.Repository;
import com.google.iam.v1.Policy;
import com.google.protobuf.Timestamp;
import dev.terrace.emulator.IamPolicies;
import dev.terrace.emulator.ProtoJson;
import dev.terrace.emulator.StateSection;
import dev.terrace.emulator.World;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Artifact Registry repositories and the Docker images in them. */
public final class ArtifactRegistryState implements StateSection {
  // LOCATION-docker.pkg.dev/PROJECT/REPOSITORY/IMAGE followed by :TAG or @sha256:DIGEST.
  private static final Pattern IMAGE_REFERENCE =
      Pattern.compile("([a-z0-9-]+)-docker\\.pkg\\.dev/([^/]+)/([^/]+)/([^:@]+)(?::([^@]+))?(?:@(sha256:[0-9a-f]{64}))?");

  private final World world;
  private final Map<String, Repository> repositories = new LinkedHashMap<>();
  private final Map<String, DockerImage> images = new LinkedHashMap<>();
  private final Map<String, Policy> policies = new LinkedHashMap<>();

  public ArtifactRegistryState(World world) {
    this.world = world;
  }

  public static String repositoryName(String projectId, String location, String repositoryId) {
    return "projects/" + projectId + "/locations/" + location + "/repositories/" + repositoryId;
  }

  public Optional<Repository> repository(String name) {
    return world.read(() -> Optional.ofNullable(repositories.get(name)));
  }

  /** Returns the repositories under {@code projects/P/locations/L}, in creation order. */
  public List<Repository> repositories(String parent) {
    return world.read(() -> repositories.values().stream().filter(r -> r.getName().startsWith(parent + "/repositories/")).toList());
  }

  public void putRepository(Repository repository) {
    world.update(() -> {
      repositories.put(repository.getName(), repository);
      policies.putIfAbsent(repository.getName(), IamPolicies.empty());
    });
  }

  /** Returns the repository's IAM policy; the caller checks that the repository exists. */
  public Policy policy(String repositoryName) {
    return world.read(() -> policies.getOrDefault(repositoryName, IamPolicies.empty()));
  }

  /** Stores a setIamPolicy request; fails with ABORTED on a stale etag. */
  public Policy setPolicy(String repositoryName, Policy requested) {
    return world.write(() -> {
      Policy stored = IamPolicies.replace(policies.getOrDefault(repositoryName, IamPolicies.empty()), requested);
      policies.put(repositoryName, stored);
      return stored;
    });
  }

  /** Deletes the repository and every image in it. */
  public void deleteRepository(String name) {
    world.update(() -> {
      repositories.remove(name);
      policies.remove(name);
      images.keySet().removeIf(imageName -> imageName.startsWith(name + "/"));
    });
  }

  /** Returns the images of a repository, newest upload last. */
  public List<DockerImage> images(String repositoryName) {
    return world.read(() -> images.values().stream().filter(i -> i.getName().startsWith(repositoryName + "/dockerImages/")).toList());
  }

  public Optional<DockerImage> image(String name) {
    return world.read(() -> Optional.ofNullable(images.get(name)));
  }

  /**
   * Finds the image a Cloud Run container reference names: {@code L-docker.pkg.dev/P/R/IMAGE:TAG},
   * {@code …/IMAGE@sha256:D}, or {@code …/IMAGE} (meaning the {@code latest} tag).
   */
  public Optional<DockerImage> findImage(String reference) {
    Matcher parts = IMAGE_REFERENCE.matcher(reference);
    if (!parts.matches()) {
      return Optional.empty();
    }
    String repository = repositoryName(parts.group(2), parts.group(1), parts.group(3));
    String imagePrefix = repository + "/dockerImages/" + parts.group(4) + "@";
    String tag = parts.group(5);
    String digest = parts.group(6);
    return world.read(() -> {
      for (DockerImage image : images.values()) {
        if (!image.getName().startsWith(imagePrefix)) {
          continue;
        }
        if (digest != null ? image.getName().endsWith("@" + digest) : image.getTagsList().contains(tag == null ? "latest" : tag)) {
          return Optional.of(image);
        }
      }
      return Optional.empty();
    });
  }

  /** Publishes an image as {@code docker push} does; see {@code Emulator.publishImage}. */
  public PublishedImage publish(String location, String repositoryId, String imageName, List<String> tags) {
    String repositoryName = repositoryName(world.projectId(), location, repositoryId);
    return world.write(() -> {
      Repository repository = repositories.get(repositoryName);
      if (repository == null) {
        throw new IllegalArgumentException(
            "Repository " + repositoryName + " does not exist; create it before publishing " + imageName + ".");
      }
      if (repository.getFormat() != Repository.Format.DOCKER) {
        throw new IllegalArgumentException("Repository " + repositoryName + " has format " + repository.getFormat() + ", not DOCKER.");
      }
      String digest = "sha256:" + sha256(repositoryName + "/" + imageName + "/" + UUID.randomUUID());
      moveTags(repositoryName, imageName, tags);
      Instant now = world.clock().instant();
      Timestamp time = Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
      DockerImage image =
          DockerImage.newBuilder()
              .setName(repositoryName + "/dockerImages/" + imageName + "@" + digest)
              .setUri(location + "-docker.pkg.dev/" + world.projectId() + "/" + repositoryId + "/" + imageName + "@" + digest)
              .addAllTags(tags)
              .setImageSizeBytes(48_000_000L + (digest.hashCode() & 0xFFFFF))
              .setMediaType("application/vnd.docker.distribution.manifest.v2+json")
              .setUploadTime(time)
              .setBuildTime(time)
              .setUpdateTime(time)
              .build();
      images.put(image.getName(), image);
      return new PublishedImage(image.getName(), image.getUri(), digest, List.copyOf(tags));
    });
  }

  // A tag names one image at a time, so pushing it again takes it off the older image.
  private void moveTags(String repositoryName, String imageName, List<String> tags) {
    String prefix = repositoryName + "/dockerImages/" + imageName + "@";
    for (Map.Entry<String, DockerImage> entry : images.entrySet()) {
      if (!entry.getKey().startsWith(prefix)) {
        continue;
      }
      List<String> remainingTags = new ArrayList<>(entry.getValue().getTagsList());
      if (remainingTags.removeAll(tags)) {
        entry.setValue(entry.getValue().toBuilder().clearTags().addAllTags(remainingTags).build());
      }
    }
  }

  private static String sha256(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String sectionName() {
    return "artifactRegistry";
  }

  @Override
  public JsonNode save() {
    ObjectNode saved = ProtoJson.MAPPER.createObjectNode();
    ArrayNode repositoryArray = saved.putArray("repositories");
    repositories.values().forEach(r -> repositoryArray.add(ProtoJson.toJson(r)));
    ArrayNode imageArray = saved.putArray("images");
    images.values().forEach(i -> imageArray.add(ProtoJson.toJson(i)));
    ObjectNode policyNode = saved.putObject("policies");
    policies.forEach((name, policy) -> policyNode.set(name, ProtoJson.toJson(policy)));
    return saved;
  }

  @Override
  public void load(JsonNode saved) {
    repositories.clear();
    images.clear();
    policies.clear();
    saved.path("policies").fields().forEachRemaining(e -> policies.put(e.getKey(), ProtoJson.fromJson(e.getValue(), Policy.newBuilder())));
    for (JsonNode node : saved.path("repositories")) {
      Repository repository = ProtoJson.fromJson(node, Repository.newBuilder());
      repositories.put(repository.getName(), repository);
    }
    for (JsonNode node : saved.path("images")) {
      DockerImage image = ProtoJson.fromJson(node, DockerImage.newBuilder());
      images.put(image.getName(), image);
    }
  }
}
