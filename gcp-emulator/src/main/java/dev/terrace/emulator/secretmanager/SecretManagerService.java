package dev.terrace.emulator.secretmanager;

import static dev.terrace.emulator.Rpc.respond;

import com.google.cloud.secretmanager.v1.AccessSecretVersionRequest;
import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.AddSecretVersionRequest;
import com.google.cloud.secretmanager.v1.CreateSecretRequest;
import com.google.cloud.secretmanager.v1.DeleteSecretRequest;
import com.google.cloud.secretmanager.v1.DestroySecretVersionRequest;
import com.google.cloud.secretmanager.v1.DisableSecretVersionRequest;
import com.google.cloud.secretmanager.v1.EnableSecretVersionRequest;
import com.google.cloud.secretmanager.v1.GetSecretRequest;
import com.google.cloud.secretmanager.v1.GetSecretVersionRequest;
import com.google.cloud.secretmanager.v1.ListSecretVersionsRequest;
import com.google.cloud.secretmanager.v1.ListSecretVersionsResponse;
import com.google.cloud.secretmanager.v1.ListSecretsRequest;
import com.google.cloud.secretmanager.v1.ListSecretsResponse;
import com.google.cloud.secretmanager.v1.Replication;
import com.google.cloud.secretmanager.v1.ReplicationStatus;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceGrpc;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.cloud.secretmanager.v1.UpdateSecretRequest;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.iam.v1.TestIamPermissionsResponse;
import com.google.protobuf.Empty;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.MemberChecks;
import dev.terrace.emulator.Pages;
import dev.terrace.emulator.Permissions;
import dev.terrace.emulator.World;
import dev.terrace.emulator.secretmanager.SecretManagerState.Entry;
import dev.terrace.emulator.secretmanager.SecretManagerState.Version;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * {@code google.cloud.secretmanager.v1.SecretManagerService}. The {@code latest} alias names the
 * most recently created version whatever its state, so accessing it fails with
 * FAILED_PRECONDITION when that version is disabled or destroyed, even if an older one is enabled.
 */
public final class SecretManagerService extends SecretManagerServiceGrpc.SecretManagerServiceImplBase {
  private static final Pattern SECRET_ID = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
  private static final int MAX_PAYLOAD_BYTES = 64 * 1024;

  private final World world;
  private final SecretManagerState state;

  public SecretManagerService(World world) {
    this.world = world;
    this.state = world.secrets();
  }

  @Override
  public void createSecret(CreateSecretRequest request, StreamObserver<Secret> response) {
    requireThisProject(request.getParent());
    String secretId = request.getSecretId();
    if (!SECRET_ID.matcher(secretId).matches()) {
      throw GrpcErrors.invalidArgument("Secret id '" + secretId + "' is invalid: use 1 to 255 letters, digits, dashes or underscores.");
    }
    if (request.getSecret().getReplication().getReplicationCase() == Replication.ReplicationCase.REPLICATION_NOT_SET) {
      throw GrpcErrors.invalidArgument("Secret.replication is required: set automatic or user_managed replication.");
    }
    String name = state.secretName(secretId);
    if (state.find(name).isPresent()) {
      throw GrpcErrors.alreadyExists("Secret [" + name + "] already exists.");
    }
    Secret created =
        request.getSecret().toBuilder()
            .setName(name)
            .setCreateTime(Pages.timestamp(world.clock().instant()))
            .setEtag(newEtag())
            .build();
    state.create(secretId, created);
    respond(response, created);
  }

  @Override
  public void getSecret(GetSecretRequest request, StreamObserver<Secret> response) {
    respond(response, find(request.getName()).secret());
  }

  @Override
  public void listSecrets(ListSecretsRequest request, StreamObserver<ListSecretsResponse> response) {
    requireThisProject(request.getParent());
    var filter = SecretFilter.parse(request.getFilter());
    List<Secret> secrets = state.all().stream().map(Entry::secret).filter(filter).toList();
    Pages.Page<Secret> page = Pages.page(secrets, request.getPageSize(), request.getPageToken(), 25000, 25000);
    respond(
        response,
        ListSecretsResponse.newBuilder().addAllSecrets(page.items()).setNextPageToken(page.nextPageToken()).setTotalSize(secrets.size()).build());
  }

  @Override
  public void updateSecret(UpdateSecretRequest request, StreamObserver<Secret> response) {
    Entry entry = find(request.getSecret().getName());
    requireEtag(request.getSecret().getEtag(), entry.secret().getEtag(), entry.secret().getName());
    if (request.getUpdateMask().getPathsCount() == 0) {
      throw GrpcErrors.invalidArgument("update_mask is required and must name at least one field.");
    }
    Secret requested = request.getSecret();
    Secret.Builder changed = entry.secret().toBuilder();
    for (String path : request.getUpdateMask().getPathsList()) {
      switch (path) {
        case "labels" -> changed.clearLabels().putAllLabels(requested.getLabelsMap());
        case "annotations" -> changed.clearAnnotations().putAllAnnotations(requested.getAnnotationsMap());
        case "version_aliases", "versionAliases" -> changed.clearVersionAliases().putAllVersionAliases(requested.getVersionAliasesMap());
        case "expire_time", "expireTime" -> changed.setExpireTime(requested.getExpireTime());
        case "ttl" -> changed.setTtl(requested.getTtl());
        case "topics" -> changed.clearTopics().addAllTopics(requested.getTopicsList());
        case "rotation" -> changed.setRotation(requested.getRotation());
        default -> throw GrpcErrors.invalidArgument("Field " + path + " of a secret cannot be updated.");
      }
    }
    Secret updated = changed.setEtag(newEtag()).build();
    state.replaceSecret(entry, updated);
    respond(response, updated);
  }

  @Override
  public void deleteSecret(DeleteSecretRequest request, StreamObserver<Empty> response) {
    Entry entry = find(request.getName());
    requireEtag(request.getEtag(), entry.secret().getEtag(), entry.secret().getName());
    state.delete(secretIdOf(entry));
    respond(response, Empty.getDefaultInstance());
  }

  @Override
  public void addSecretVersion(AddSecretVersionRequest request, StreamObserver<SecretVersion> response) {
    Entry entry = find(request.getParent());
    SecretPayload payload = request.getPayload();
    if (payload.getData().size() > MAX_PAYLOAD_BYTES) {
      throw GrpcErrors.invalidArgument("Secret payload is " + payload.getData().size() + " bytes; the limit is 65536.");
    }
    if (payload.hasDataCrc32C() && payload.getDataCrc32C() != crc32c(payload.getData().toByteArray())) {
      throw GrpcErrors.invalidArgument("Data corruption detected: data_crc32c does not match the payload.");
    }
    int number = entry.versions().size() + 1;
    SecretVersion metadata =
        SecretVersion.newBuilder()
            .setName(entry.secret().getName() + "/versions/" + number)
            .setCreateTime(Pages.timestamp(world.clock().instant()))
            .setState(SecretVersion.State.ENABLED)
            .setEtag(newEtag())
            .setReplicationStatus(ReplicationStatus.newBuilder().setAutomatic(ReplicationStatus.AutomaticStatus.getDefaultInstance()))
            .setClientSpecifiedPayloadChecksum(payload.hasDataCrc32C())
            .build();
    respond(response, state.addVersion(entry, metadata, payload.getData()).metadata());
  }

  @Override
  public void getSecretVersion(GetSecretVersionRequest request, StreamObserver<SecretVersion> response) {
    respond(response, findVersion(request.getName()).metadata());
  }

  @Override
  public void listSecretVersions(ListSecretVersionsRequest request, StreamObserver<ListSecretVersionsResponse> response) {
    Entry entry = find(request.getParent());
    // Newest first, as the real service lists them.
    List<SecretVersion> versions = world.read(() -> entry.versions().stream().map(Version::metadata).toList());
    List<SecretVersion> newestFirst = new java.util.ArrayList<>(versions);
    java.util.Collections.reverse(newestFirst);
    if (!request.getFilter().isEmpty()) {
      newestFirst.removeIf(v -> !matchesStateFilter(v, request.getFilter()));
    }
    Pages.Page<SecretVersion> page = Pages.page(newestFirst, request.getPageSize(), request.getPageToken(), 25000, 25000);
    respond(
        response,
        ListSecretVersionsResponse.newBuilder()
            .addAllVersions(page.items())
            .setNextPageToken(page.nextPageToken())
            .setTotalSize(newestFirst.size())
            .build());
  }

  @Override
  public void accessSecretVersion(AccessSecretVersionRequest request, StreamObserver<AccessSecretVersionResponse> response) {
    Version version = findVersion(request.getName());
    SecretVersion metadata = version.metadata();
    if (metadata.getState() != SecretVersion.State.ENABLED) {
      throw GrpcErrors.failedPrecondition("Secret Version [" + metadata.getName() + "] is in " + metadata.getState() + " state.");
    }
    byte[] data = version.payload().toByteArray();
    SecretPayload payload = SecretPayload.newBuilder().setData(version.payload()).setDataCrc32C(crc32c(data)).build();
    respond(response, AccessSecretVersionResponse.newBuilder().setName(metadata.getName()).setPayload(payload).build());
  }

  @Override
  public void enableSecretVersion(EnableSecretVersionRequest request, StreamObserver<SecretVersion> response) {
    respond(response, changeState(request.getName(), request.getEtag(), SecretVersion.State.ENABLED));
  }

  @Override
  public void disableSecretVersion(DisableSecretVersionRequest request, StreamObserver<SecretVersion> response) {
    respond(response, changeState(request.getName(), request.getEtag(), SecretVersion.State.DISABLED));
  }

  @Override
  public void destroySecretVersion(DestroySecretVersionRequest request, StreamObserver<SecretVersion> response) {
    respond(response, changeState(request.getName(), request.getEtag(), SecretVersion.State.DESTROYED));
  }

  @Override
  public void getIamPolicy(GetIamPolicyRequest request, StreamObserver<Policy> response) {
    respond(response, find(request.getResource()).policy());
  }

  @Override
  public void setIamPolicy(SetIamPolicyRequest request, StreamObserver<Policy> response) {
    Entry entry = find(request.getResource());
    MemberChecks.validate(world, request.getPolicy());
    respond(response, state.setPolicy(entry, request.getPolicy()));
  }

  @Override
  public void testIamPermissions(TestIamPermissionsRequest request, StreamObserver<TestIamPermissionsResponse> response) {
    Entry entry = find(request.getResource());
    List<String> granted = Permissions.grantedSubset(world.caller(), request.getPermissionsList(), world.project().policy(), entry.policy());
    respond(response, TestIamPermissionsResponse.newBuilder().addAllPermissions(granted).build());
  }

  private SecretVersion changeState(String name, String etag, SecretVersion.State target) {
    Version version = findVersion(name);
    SecretVersion current = version.metadata();
    requireEtag(etag, current.getEtag(), current.getName());
    if (current.getState() == SecretVersion.State.DESTROYED) {
      throw GrpcErrors.failedPrecondition("Secret Version [" + current.getName() + "] is in DESTROYED state.");
    }
    SecretVersion.Builder changed = current.toBuilder().setState(target).setEtag(newEtag());
    if (target == SecretVersion.State.DESTROYED) {
      changed.setDestroyTime(Pages.timestamp(world.clock().instant()));
    }
    SecretVersion updated = changed.build();
    state.replaceVersion(version, updated, target == SecretVersion.State.DESTROYED);
    return updated;
  }

  private Entry find(String name) {
    requireSecretName(name);
    return state.find(name).orElseThrow(() -> GrpcErrors.notFound("Secret [" + canonical(name) + "] not found or has no versions."));
  }

  /** Finds {@code projects/P/secrets/S/versions/N} or {@code …/versions/latest}, or an alias. */
  private Version findVersion(String name) {
    int marker = name.indexOf("/versions/");
    if (marker < 0) {
      throw GrpcErrors.invalidArgument("Invalid secret version name '" + name + "'; expected projects/P/secrets/S/versions/V.");
    }
    Entry entry = find(name.substring(0, marker));
    String versionId = name.substring(marker + "/versions/".length());
    String aliased = entry.secret().getVersionAliasesMap().containsKey(versionId)
        ? String.valueOf(entry.secret().getVersionAliasesMap().get(versionId))
        : versionId;
    return world
        .read(() -> entry.version(aliased))
        .orElseThrow(() -> notFoundVersion(entry.secret().getName() + "/versions/" + versionId));
  }

  private static StatusRuntimeException notFoundVersion(String name) {
    return GrpcErrors.notFound("Secret Version [" + name + "] not found.");
  }

  private void requireSecretName(String name) {
    if (!name.matches("projects/[^/]+/secrets/[^/]+")) {
      throw GrpcErrors.invalidArgument("Invalid secret name '" + name + "'; expected projects/PROJECT/secrets/SECRET.");
    }
    if (state.secretIdOf(name).isEmpty()) {
      throw GrpcErrors.permissionDenied("secretmanager.googleapis.com", "secretmanager.secrets.get", name);
    }
  }

  private void requireThisProject(String parent) {
    if (!world.project().isThisProject(parent)) {
      throw GrpcErrors.permissionDenied("secretmanager.googleapis.com", "secretmanager.secrets.list", parent);
    }
  }

  private String canonical(String name) {
    return state.secretIdOf(name).map(state::secretName).orElse(name);
  }

  private String secretIdOf(Entry entry) {
    String name = entry.secret().getName();
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /** A request etag, when set, must equal the stored one; a mismatch is ABORTED. */
  private static void requireEtag(String requested, String current, String name) {
    if (!requested.isEmpty() && !requested.equals(current)) {
      throw GrpcErrors.aborted("The etag " + requested + " does not match the current etag of " + name + "; read it again and retry.");
    }
  }

  private static boolean matchesStateFilter(SecretVersion version, String filter) {
    String normalized = filter.replace(" ", "");
    if (normalized.startsWith("state:") || normalized.startsWith("state=")) {
      return version.getState().name().equalsIgnoreCase(normalized.substring(6));
    }
    throw GrpcErrors.invalidArgument("Unsupported filter '" + filter + "'; the emulator supports state:STATE.");
  }

  private String newEtag() {
    Instant now = world.clock().instant();
    return "\"" + Long.toHexString(now.getEpochSecond() * 1_000_000L + now.getNano() / 1000) + "\"";
  }

  private static long crc32c(byte[] data) {
    CRC32C crc = new CRC32C();
    crc.update(data);
    return crc.getValue();
  }
}
