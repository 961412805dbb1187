package dev.terrace.emulator.support;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Creates the guide's resources through the official clients, the way Terrace's apply would:
 * APIs, service accounts, project grants, registry and image, the eight secrets, the buckets.
 */
public final class GuideStack {
  public static final String PROJECT = "projects/sandbox-project";
  public static final String PARENT = PROJECT + "/locations/southamerica-east1";
  public static final List<String> SECRETS =
      List.of("DATABASE_URL", "DJANGO_SECRET_KEY", "GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD");
  public static final String RUN_ACCOUNT = "mycoolproject-run@sandbox-project.iam.gserviceaccount.com";
  public static final String WORKER_ACCOUNT = "mycoolproject-worker@sandbox-project.iam.gserviceaccount.com";
  public static final String SCHEDULER_ACCOUNT = "mycoolproject-scheduler@sandbox-project.iam.gserviceaccount.com";
  private static final String RUN_MEMBER = "serviceAccount:" + RUN_ACCOUNT;

  private GuideStack() {}

  /** Creates the part of the stack outside Cloud Run, Tasks and Scheduler; returns the project policy. */
  public static Policy createPartOne(Emulator emulator) throws Exception {
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
                  .setPolicy(read.toBuilder().addBindings(Binding.newBuilder().setRole("roles/secretmanager.secretAccessor").addMembers(RUN_MEMBER).addMembers("serviceAccount:" + WORKER_ACCOUNT)))
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

}
