package dev.terrace.emulator.artifactregistry;

import static dev.terrace.emulator.support.Calls.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.devtools.artifactregistry.v1.ArtifactRegistryClient;
import com.google.devtools.artifactregistry.v1.ArtifactRegistrySettings;
import com.google.devtools.artifactregistry.v1.CreateRepositoryRequest;
import com.google.devtools.artifactregistry.v1.DockerImage;
import com.google.devtools.artifactregistry.v1.Repository;
import dev.terrace.emulator.Apis;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.emulator.support.Clients;
import io.grpc.Status;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArtifactRegistryTest {
  private static final String PARENT = "projects/sandbox-project/locations/southamerica-east1";
  private static final String REPOSITORY = PARENT + "/repositories/app-repo";

  private Emulator emulator;
  private ArtifactRegistryClient registry;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.builder().enabledServices(Set.of(Apis.ARTIFACT_REGISTRY)).build());
    registry =
        ArtifactRegistryClient.create(
            ArtifactRegistrySettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials()).build());
  }

  @AfterEach
  void stop() {
    registry.close();
    emulator.close();
  }

  @Test
  void repositoryRoundTrip() throws Exception {
    Repository created = createRepository();

    assertThat(created.getName()).isEqualTo(REPOSITORY);
    assertThat(created.getFormat()).isEqualTo(Repository.Format.DOCKER);
    assertThat(registry.getRepository(REPOSITORY)).isEqualTo(created);
    assertThat(registry.listRepositories(PARENT).iterateAll()).containsExactly(created);

    registry.deleteRepositoryAsync(REPOSITORY).get();

    Throwable error = failureOf(() -> registry.getRepository(REPOSITORY));
    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void duplicateRepositoryIsAlreadyExists() throws Exception {
    createRepository();

    Throwable error = failureOf(this::createRepository);

    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
  }

  @Test
  void publishedImageIsListedWithTags() throws Exception {
    createRepository();

    PublishedImage first = emulator.publishImage("app-repo", "app", "latest", "abc1234");
    PublishedImage second = emulator.publishImage("app-repo", "app", "latest", "def5678");

    List<DockerImage> images = new java.util.ArrayList<>();
    registry.listDockerImages(REPOSITORY).iterateAll().forEach(images::add);
    assertThat(images).hasSize(2);
    DockerImage newest = registry.getDockerImage(second.name());
    assertThat(newest.getTagsList()).containsExactlyInAnyOrder("latest", "def5678");
    assertThat(newest.getUri()).isEqualTo("southamerica-east1-docker.pkg.dev/sandbox-project/app-repo/app@" + second.digest());
    assertThat(registry.getDockerImage(first.name()).getTagsList()).containsExactly("abc1234");
  }

  @Test
  void findImageResolvesTagsAndDigests() throws Exception {
    createRepository();
    PublishedImage image = emulator.publishImage("app-repo", "app", "latest", "abc1234");
    String base = "southamerica-east1-docker.pkg.dev/sandbox-project/app-repo/app";
    ArtifactRegistryState state = emulator.world().artifactRegistry();

    assertThat(state.findImage(base + ":latest")).isPresent();
    assertThat(state.findImage(base + ":abc1234")).isPresent();
    assertThat(state.findImage(base)).isPresent();
    assertThat(state.findImage(base + "@" + image.digest())).isPresent();
    assertThat(state.findImage(base + ":missing")).isEmpty();
    assertThat(state.findImage("docker.io/library/app:latest")).isEmpty();
  }

  @Test
  void publishIntoMissingRepositoryFails() {
    assertThatThrownBy(() -> emulator.publishImage("app-repo", "app", "latest"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist");
  }

  private Repository createRepository() throws Exception {
    return registry
        .createRepositoryAsync(
            CreateRepositoryRequest.newBuilder()
                .setParent(PARENT)
                .setRepositoryId("app-repo")
                .setRepository(Repository.newBuilder().setFormat(Repository.Format.DOCKER).setDescription("app images"))
                .build())
        .get();
  }
}
