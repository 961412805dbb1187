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
  private static final List<String> SECRETS =
      List.of("DATABASE_URL", "DJANGO_SECRET_KEY", "GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD");
  private static final String RUN_MEMBER = "serviceAccount:mycoolproject-run@sandbox-project.iam.gserviceaccount.com";

  @TempDir Path dataDir;

  @Test
  void stateSurvivesRestart() throws Exception {
    EmulatorConfig config = EmulatorConfig.builder().dataDir(dataDir).build();
    Policy projectPolicy;
    try (Emulator emulator = Emulator.start(config)) {
      projectPolicy = createGuideResources(emulator);
    }

    assertThat(dataDir.resolve("emulator-state.json")).exists();
    try (Stream<Path> files = Files.list(dataDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("emulator-state.json");
    }

    try (Emulator emulator = Emulator.start(config)) {
      assertGuideResources(emulator, projectPolicy);
    }
  }

  private Policy createGuideResources(Emulator emulator) throws Exception {
    try (ServiceUsageClient serviceUsage = ServiceUsageClient.create(ServiceUsageSettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials()).build())) {
      BatchEnableServicesRequest.Builder enable = BatchEnableServicesRequest.newBuilder().setParent(PROJECT);
      for (String api : List.of("run", "artifactregistry", "secretmanager", "iam", "iamcredentials", "sts", "cloudresourcemanager", "cloudtasks", "cloudscheduler")) {
        enable.addServiceIds(api + ".googleapis.com");
      }
      serviceUsage.batchEnableServicesAsync(enable.build()).get();
    }
    try (IAMClient iam = IAMClient.create(IAMSettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials()).build())) {
      for (String id : List.of("mycoolproject-run", "mycoolproject-worker", "mycoolproject-scheduler")) {
        iam.createServiceAccount(
            CreateServiceAccountRequest.newBuilder().setName(PROJECT).setAccountId(id).setServiceAccount(ServiceAccount.newBuilder().setDisplayName(id)).build());
      }
    }
    Policy projectPolicy;
    try (ProjectsClient projects = ProjectsClient.create(ProjectsSettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials()).build())) {
      Policy read = projects.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(PROJECT).build());
      projectPolicy =
          projects.setIamPolicy(
              SetIamPolicyRequest.newBuilder()
                  .setResource(PROJECT)
                  .setPolicy(read.toBuilder().addBindings(Binding.newBuilder().setRole("roles/secretmanager.secretAccessor").addMembers(RUN_MEMBER)))
                  .build());
    }
    try (ArtifactRegistryClient registry = ArtifactRegistryClient.create(ArtifactRegistrySettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials()).build())) {
      registry
          .createRepositoryAsync(
              CreateRepositoryRequest.newBuilder()
                  .setParent(PARENT)
                  .setRepositoryId("app-repo")
                  .setRepository(Repository.newBuilder().setFormat(Repository.Format.DOCKER))
                  .build())
          .get();
    }
    emulator.publishImage("app-repo", "app", "latest", "0a1b2c3");
    try (SecretManagerServiceClient secrets = SecretManagerServiceClient.create(SecretManagerServiceSettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials()).build())) {
      for (String id : SECRETS) {
        Secret secret =
            secrets.createSecret(PROJECT, id, Secret.newBuilder().setReplication(Replication.newBuilder().setAutomatic(Replication.Automatic.getDefaultInstance())).build());
        secrets.addSecretVersion(secret.getName(), SecretPayload.newBuilder().setData(ByteString.copyFromUtf8("value of " + id)).build());
      }
    }
    try (Storage storage = Clients.storage(emulator)) {
      for (String name : List.of("mycoolproject-terraform-state", "sandbox-project-static", "sandbox-project-media")) {
        storage.create(BucketInfo.newBuilder(name).setLocation("southamerica-east1").build());
      }
      storage.create(BlobInfo.newBuilder("mycoolproject-terraform-state", "terraform/state/default.tfstate").build(), "{}".getBytes(StandardCharsets.UTF_8));
      var policy = storage.getIamPolicy("sandbox-project-static");
      storage.setIamPolicy("sandbox-project-static", policy.toBuilder().addIdentity(StorageRoles.objectViewer(), Identity.allUsers()).build());
    }
    return projectPolicy;
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
