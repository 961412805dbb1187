package dev.terrace.emulator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.serviceusage.v1.BatchEnableServicesRequest;
import com.google.api.serviceusage.v1.ServiceUsageClient;
import com.google.api.serviceusage.v1.ServiceUsageSettings;
import com.google.cloud.Identity;
import com.google.cloud.iam.admin.v1.IAMClient;
import com.google.cloud.iam.admin.v1.IAMSettings;
import com.google.cloud.resourcemanager.v3.ProjectsClient;
import com.google.cloud.resourcemanager.v3.ProjectsSettings;
import com.google.cloud.secretmanager.v1.Replication;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageRoles;
import com.google.devtools.artifactregistry.v1.ArtifactRegistryClient;
import com.google.devtools.artifactregistry.v1.ArtifactRegistrySettings;
import com.google.devtools.artifactregistry.v1.CreateRepositoryRequest;
import com.google.devtools.artifactregistry.v1.Repository;
import com.google.iam.admin.v1.CreateServiceAccountRequest;
import com.google.iam.admin.v1.ServiceAccount;
import com.google.iam.v1.Binding;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.protobuf.ByteString;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.emulator.support.Clients;
import dev.terrace.emulator.support.GuideStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guide's part 1 resources survive a stop and a start with the same data directory. */
class PersistenceTest {
  private static final String PROJECT = "projects/sandbox-project";
  private static final String PARENT = PROJECT + "/locations/southamerica-east1";

  @TempDir Path dataDir;

  @Test
  void stateSurvivesRestart() throws Exception {
    EmulatorConfig config = EmulatorConfig.builder().dataDir(dataDir).build();
    Policy projectPolicy;
    try (Emulator emulator = Emulator.start(config)) {
      projectPolicy = GuideStack.createPartOne(emulator);
    }

    assertThat(dataDir.resolve("emulator-state.json")).exists();
    try (Stream<Path> files = Files.list(dataDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("emulator-state.json");
    }

    try (Emulator emulator = Emulator.start(config)) {
      assertGuideResources(emulator, projectPolicy);
    }
  }

  private void assertGuideResources(Emulator emulator, Policy projectPolicy) throws Exception {
    assertThat(emulator.world().services().isEffective("run.googleapis.com")).isTrue();
    try (IAMClient iam = IAMClient.create(IAMSettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials()).build())) {
      assertThat(iam.listServiceAccounts(PROJECT).iterateAll()).hasSize(3);
    }
    try (ProjectsClient projects = ProjectsClient.create(ProjectsSettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials()).build())) {
      assertThat(projects.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(PROJECT).build())).isEqualTo(projectPolicy);
    }
    try (ArtifactRegistryClient registry = ArtifactRegistryClient.create(ArtifactRegistrySettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials()).build())) {
      assertThat(registry.listDockerImages(PARENT + "/repositories/app-repo").iterateAll()).singleElement().satisfies(i -> assertThat(i.getTagsList()).contains("latest", "0a1b2c3"));
    }
    try (SecretManagerServiceClient secrets = SecretManagerServiceClient.create(SecretManagerServiceSettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials()).build())) {
      assertThat(secrets.listSecrets(PROJECT).iterateAll()).hasSize(8);
      assertThat(secrets.accessSecretVersion(PROJECT + "/secrets/DATABASE_URL/versions/latest").getPayload().getData().toStringUtf8()).isEqualTo("value of DATABASE_URL");
    }
    try (Storage storage = Clients.storage(emulator)) {
      assertThat(storage.list().iterateAll()).hasSize(3);
      assertThat(storage.readAllBytes(BlobId.of("mycoolproject-terraform-state", "terraform/state/default.tfstate"))).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
      assertThat(storage.getIamPolicy("sandbox-project-static").getBindings().get(StorageRoles.objectViewer())).contains(Identity.allUsers());
    }
    assertThat(emulator.world().logs().entries()).isNotEmpty();
  }
}
