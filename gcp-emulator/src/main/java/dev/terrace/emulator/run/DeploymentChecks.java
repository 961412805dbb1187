package dev.terrace.emulator.run;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.Volume;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.World;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks Cloud Run makes on a service or job template. Some run when the request arrives and
 * reject it. The others run while the revision deploys, so their failure leaves the resource in
 * place with a failed condition, as on the real service.
 */
final class DeploymentChecks {

  /**
   * A check that failed while the revision deployed.
   *
   * @param code status code of the failed operation
   * @param message message of the failed operation and of the failed condition
   * @param reason reason of the failed condition
   */
  record Failure(Code code, String message, Condition.CommonReason reason) {
  }

  private static final Pattern ARTIFACT_REGISTRY_IMAGE = Pattern.compile("[a-z0-9-]+-docker\\.pkg\\.dev/");

  private final World world;

  DeploymentChecks(World world) {
    this.world = world;
  }

  /** Returns the service account a template runs as: the given one or the project's default. */
  String runtimeAccount(String templateAccount) {
    if (templateAccount == null || templateAccount.isEmpty()) {
      return world.projectNumber() + "-compute@developer.gserviceaccount.com";
    }
    return templateAccount;
  }

  /**
   * Rejects a template Cloud Run rejects on arrival: no container or image, a reserved env var,
   * or a runtime service account the caller may not act as.
   *
   * @param fieldPrefix path of the container list in the request, used in messages
   */
  void checkOnRequest(List<Container> containers, String templateAccount, String fieldPrefix) {
    if (containers.isEmpty()) {
      throw GrpcErrors.invalidArgument(fieldPrefix + ": at least one container is required.");
    }
    for (int i = 0; i < containers.size(); i++) {
      Container container = containers.get(i);
      String field = fieldPrefix + "[" + i + "]";
      if (container.getImage().isBlank()) {
        throw GrpcErrors.invalidArgument(field + ".image: the container image is required.");
      }
      for (EnvVar env : container.getEnvList()) {
        if (env.getName().equals("PORT")) {
          throw reservedEnv(field + ".env");
        }
      }
    }
    checkActAs(runtimeAccount(templateAccount));
  }

  /** Returns the first check that fails while the revision deploys, or empty when all pass. */
  Optional<Failure> checkOnDeploy(String revisionId, List<Container> containers, List<Volume> volumes, String runtimeAccount, String fieldPrefix) {
    for (Container container : containers) {
      if (!imageExists(container.getImage())) {
        return Optional.of(
            new Failure(
                // NOTE: public reports show this operation error as code 13 (2023-2024) and as
                // code 5 (2025); the emulator follows the newer one.
                Code.NOT_FOUND,
                "Revision '" + revisionId + "' is not ready and cannot serve traffic. Image '" + container.getImage() + "' not found.",
                Condition.CommonReason.CONTAINER_MISSING));
      }
    }
    for (int i = 0; i < containers.size(); i++) {
      List<EnvVar> env = containers.get(i).getEnvList();
      for (int j = 0; j < env.size(); j++) {
        if (!env.get(j).hasValueSource() || !env.get(j).getValueSource().hasSecretKeyRef()) {
          continue;
        }
        var ref = env.get(j).getValueSource().getSecretKeyRef();
        String field = fieldPrefix + "[" + i + "].env[" + j + "].value_from.secret_key_ref.name";
        Optional<Failure> failure = checkSecret(field, ref.getSecret(), ref.getVersion(), runtimeAccount);
        if (failure.isPresent()) {
          return failure;
        }
      }
    }
    for (int i = 0; i < volumes.size(); i++) {
      Volume volume = volumes.get(i);
      if (!volume.hasSecret()) {
        continue;
      }
      String field = fieldPrefix.replace("containers", "volumes") + "[" + i + "].secret.secret_name";
      List<String> versions = volume.getSecret().getItemsList().stream().map(item -> item.getVersion()).toList();
      for (String version : versions.isEmpty() ? List.of("latest") : versions) {
        Optional<Failure> failure = checkSecret(field, volume.getSecret().getSecret(), version, runtimeAccount);
        if (failure.isPresent()) {
          return failure;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Returns whether an Artifact Registry image exists. Images of other registries (Docker Hub,
   * {@code gcr.io}) are outside the sandbox, so they count as present.
   */
  private boolean imageExists(String image) {
    if (!ARTIFACT_REGISTRY_IMAGE.matcher(image).lookingAt()) {
      return true;
    }
    return world.artifactRegistry().findImage(image).isPresent();
  }

  private void checkActAs(String account) {
    boolean isDefault = account.endsWith("-compute@developer.gserviceaccount.com");
    boolean exists = isDefault || world.serviceAccounts().exists(account);
    if (exists && world.mayActAs(world.caller(), account)) {
      return;
    }
    String permission = "iam.serviceaccounts.actAs";
    throw GrpcErrors.error(
        Code.PERMISSION_DENIED,
        "Permission '" + permission + "' denied on service account " + account + " (or it may not exist).",
        GrpcErrors.errorInfo(
            "IAM_PERMISSION_DENIED",
            "iam.googleapis.com",
            Map.of("permission", permission, "resource", "projects/-/serviceAccounts/" + account)));
  }

  private Optional<Failure> checkSecret(String field, String secret, String version, String runtimeAccount) {
    String secretId = secret.contains("/") ? RunNames.lastSegment(secret) : secret;
    String secretName = "projects/" + world.projectId() + "/secrets/" + secretId;
    String versionId = version == null || version.isEmpty() ? "latest" : version;
    String reported = "projects/" + world.projectNumber() + "/secrets/" + secretId + "/versions/" + versionId;
    if (!world.secrets().hasEnabledVersion(secretName, versionId)) {
      return Optional.of(
          new Failure(
              Code.FAILED_PRECONDITION,
              field + ": Secret " + reported + " was not found",
              Condition.CommonReason.SECRETS_ACCESS_CHECK_FAILED));
    }
    if (!world.mayAccessSecret("serviceAccount:" + runtimeAccount, secretName)) {
      return Optional.of(
          new Failure(
              Code.FAILED_PRECONDITION,
              field
                  + ": Permission denied on secret: "
                  + reported
                  + " for Revision service account "
                  + runtimeAccount
                  + ". The service account used must be granted the 'Secret Manager Secret Accessor'"
                  + " role (roles/secretmanager.secretAccessor) at the secret, project or higher level.",
              Condition.CommonReason.SECRETS_ACCESS_CHECK_FAILED));
    }
    return Optional.empty();
  }

  private static RuntimeException reservedEnv(String field) {
    String message =
        field + ": The following reserved env names were provided: PORT. These values are automatically set by the system.";
    BadRequest badRequest =
        BadRequest.newBuilder()
            .addFieldViolations(BadRequest.FieldViolation.newBuilder().setField(field).setDescription(message))
            .build();
    return GrpcErrors.error(Code.INVALID_ARGUMENT, message, badRequest);
  }
}
