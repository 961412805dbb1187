package dev.terrace.emulator.secretmanager;

import static dev.terrace.emulator.support.Calls.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.Replication;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.cloud.secretmanager.v1.UpdateSecretRequest;
import com.google.iam.v1.Binding;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import dev.terrace.emulator.Apis;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.emulator.support.Clients;
import io.grpc.Status;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecretManagerTest {
  private static final String PROJECT = "projects/sandbox-project";
  private static final String SECRET = "projects/100000000001/secrets/DATABASE_URL";

  private Emulator emulator;
  private SecretManagerServiceClient secrets;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.builder().enabledServices(Set.of(Apis.SECRET_MANAGER, Apis.IAM)).build());
    secrets =
        SecretManagerServiceClient.create(
            SecretManagerServiceSettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials()).build());
  }

  @AfterEach
  void stop() {
    secrets.close();
    emulator.close();
  }

  @Test
  void secretRoundTrip() {
    Secret created = createSecret();

    assertThat(created.getName()).isEqualTo(SECRET);
    assertThat(created.getLabelsMap()).containsEntry("managed-by", "terrace");
    assertThat(secrets.getSecret(PROJECT + "/secrets/DATABASE_URL")).isEqualTo(created);
    assertThat(secrets.listSecrets(PROJECT).iterateAll()).containsExactly(created);

    Secret updated =
        secrets.updateSecret(
            UpdateSecretRequest.newBuilder()
                .setSecret(created.toBuilder().putLabels("stack", "prod"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("labels"))
                .build());
    assertThat(updated.getLabelsMap()).containsEntry("stack", "prod");
    assertThat(updated.getEtag()).isNotEqualTo(created.getEtag());

    secrets.deleteSecret(SECRET);
    Throwable error = failureOf(() -> secrets.getSecret(SECRET));
    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void listFiltersByLabel() {
    createSecret();
    secrets.createSecret(
        PROJECT, "UNMANAGED", Secret.newBuilder().setReplication(Replication.newBuilder().setAutomatic(Replication.Automatic.getDefaultInstance())).build());

    var managed = secrets.listSecrets(com.google.cloud.secretmanager.v1.ListSecretsRequest.newBuilder().setParent(PROJECT).setFilter("labels.managed-by=terrace").build());
    var byName = secrets.listSecrets(com.google.cloud.secretmanager.v1.ListSecretsRequest.newBuilder().setParent(PROJECT).setFilter("name:UNMAN").build());

    assertThat(managed.iterateAll()).extracting(Secret::getName).containsExactly(SECRET);
    assertThat(byName.iterateAll()).extracting(Secret::getName).containsExactly("projects/100000000001/secrets/UNMANAGED");
  }

  @Test
  void staleEtagUpdateIsAborted() {
    Secret created = createSecret();
    secrets.updateSecret(
        UpdateSecretRequest.newBuilder().setSecret(created.toBuilder().putLabels("a", "1")).setUpdateMask(FieldMask.newBuilder().addPaths("labels")).build());

    Throwable error =
        failureOf(() ->
            secrets.updateSecret(
                UpdateSecretRequest.newBuilder().setSecret(created.toBuilder().putLabels("b", "2")).setUpdateMask(FieldMask.newBuilder().addPaths("labels")).build()));

    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.ABORTED);
  }

  @Test
  void versionsAndLatestAlias() {
    createSecret();
    SecretVersion first = addVersion("postgres://one");
    SecretVersion second = addVersion("postgres://two");

    AccessSecretVersionResponse latest = secrets.accessSecretVersion(SECRET + "/versions/latest");
    AccessSecretVersionResponse byNumber = secrets.accessSecretVersion(first.getName());

    assertThat(second.getName()).isEqualTo(SECRET + "/versions/2");
    assertThat(latest.getName()).isEqualTo(second.getName());
    assertThat(latest.getPayload().getData().toStringUtf8()).isEqualTo("postgres://two");
    assertThat(latest.getPayload().hasDataCrc32C()).isTrue();
    assertThat(byNumber.getPayload().getData().toStringUtf8()).isEqualTo("postgres://one");
    assertThat(secrets.listSecretVersions(SECRET).iterateAll()).extracting(SecretVersion::getName).containsExactly(second.getName(), first.getName());
  }

  @Test
  void disabledLatestVersionIsFailedPrecondition() {
    createSecret();
    addVersion("postgres://one");
    SecretVersion second = addVersion("postgres://two");
    secrets.disableSecretVersion(second.getName());

    Throwable error = failureOf(() -> secrets.accessSecretVersion(SECRET + "/versions/latest"));

    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(error).hasMessageContaining("Secret Version [" + second.getName() + "] is in DISABLED state.");
    assertThat(emulator.world().secrets().hasEnabledVersion(SECRET, "latest")).isFalse();
    assertThat(emulator.world().secrets().hasEnabledVersion(SECRET, "1")).isTrue();
  }

  @Test
  void secretWithoutVersionsIsNotFound() {
    createSecret();

    Throwable error = failureOf(() -> secrets.accessSecretVersion(SECRET + "/versions/latest"));

    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(emulator.world().secrets().hasEnabledVersion(SECRET, "latest")).isFalse();
  }

  @Test
  void enableDisableDestroy() {
    createSecret();
    SecretVersion version = addVersion("value");

    assertThat(secrets.disableSecretVersion(version.getName()).getState()).isEqualTo(SecretVersion.State.DISABLED);
    assertThat(secrets.enableSecretVersion(version.getName()).getState()).isEqualTo(SecretVersion.State.ENABLED);
    SecretVersion destroyed = secrets.destroySecretVersion(version.getName());

    assertThat(destroyed.getState()).isEqualTo(SecretVersion.State.DESTROYED);
    assertThat(destroyed.hasDestroyTime()).isTrue();
    Throwable error = failureOf(() -> secrets.enableSecretVersion(version.getName()));
    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
  }

  @Test
  void missingReplicationIsInvalid() {
    Throwable error = failureOf(() -> secrets.createSecret(PROJECT, "NO_REPLICATION", Secret.getDefaultInstance()));

    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void secretPolicyGrantsAccess() {
    createSecret();
    emulator.world().serviceAccounts().create("app-run", "runtime", "");
    String member = "serviceAccount:app-run@sandbox-project.iam.gserviceaccount.com";
    assertThat(emulator.world().mayAccessSecret(member, SECRET)).isFalse();
    Policy read = secrets.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(SECRET).build());

    secrets.setIamPolicy(
        SetIamPolicyRequest.newBuilder()
            .setResource(SECRET)
            .setPolicy(read.toBuilder().addBindings(Binding.newBuilder().setRole("roles/secretmanager.secretAccessor").addMembers(member)))
            .build());

    assertThat(emulator.world().mayAccessSecret(member, SECRET)).isTrue();
    assertThat(emulator.world().mayAccessSecret(member, PROJECT + "/secrets/DATABASE_URL")).isTrue();
  }

  private Secret createSecret() {
    return secrets.createSecret(
        PROJECT,
        "DATABASE_URL",
        Secret.newBuilder()
            .setReplication(Replication.newBuilder().setAutomatic(Replication.Automatic.getDefaultInstance()))
            .putLabels("managed-by", "terrace")
            .build());
  }

  private SecretVersion addVersion(String value) {
    return secrets.addSecretVersion(SECRET, SecretPayload.newBuilder().setData(ByteString.copyFromUtf8(value)).build());
  }
}
