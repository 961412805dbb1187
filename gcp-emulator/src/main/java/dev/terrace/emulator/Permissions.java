package dev.terrace.emulator;

import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The IAM roles the emulator understands and the permissions they grant. Only the roles the stack
 * uses are listed; a role not listed grants nothing. Basic roles follow the real ones: owner grants
 * everything, editor everything but IAM policy changes, viewer only reads.
 */
public final class Permissions {
  public static final String OWNER = "roles/owner";
  public static final String EDITOR = "roles/editor";
  public static final String VIEWER = "roles/viewer";

  private static final Map<String, Set<String>> ROLES =
      Map.ofEntries(
          Map.entry("roles/iam.serviceAccountUser", Set.of("iam.serviceAccounts.actAs", "iam.serviceAccounts.get", "iam.serviceAccounts.list")),
          Map.entry("roles/iam.serviceAccountAdmin", Set.of("iam.serviceAccounts.*")),
          Map.entry("roles/iam.workloadIdentityUser", Set.of("iam.serviceAccounts.getAccessToken")),
          Map.entry("roles/iam.serviceAccountTokenCreator", Set.of("iam.serviceAccounts.getAccessToken", "iam.serviceAccounts.getOpenIdToken", "iam.serviceAccounts.signJwt")),
          Map.entry("roles/secretmanager.secretAccessor", Set.of("secretmanager.versions.access")),
          Map.entry("roles/secretmanager.admin", Set.of("secretmanager.*")),
          Map.entry("roles/storage.objectViewer", Set.of("storage.objects.get", "storage.objects.list")),
          Map.entry("roles/storage.objectAdmin", Set.of("storage.objects.*")),
          Map.entry("roles/storage.admin", Set.of("storage.*")),
          Map.entry("roles/run.invoker", Set.of("run.routes.invoke", "run.jobs.run")),
          Map.entry("roles/run.developer", Set.of("run.services.*", "run.jobs.*", "run.executions.*", "run.operations.*", "run.routes.invoke")),
          Map.entry("roles/run.admin", Set.of("run.*")),
          Map.entry("roles/cloudtasks.admin", Set.of("cloudtasks.*")),
          Map.entry("roles/cloudtasks.enqueuer", Set.of("cloudtasks.tasks.create")),
          Map.entry("roles/cloudscheduler.admin", Set.of("cloudscheduler.*")),
          Map.entry("roles/artifactregistry.reader", Set.of("artifactregistry.repositories.get", "artifactregistry.repositories.list", "artifactregistry.repositories.downloadArtifacts", "artifactregistry.dockerimages.*")),
          Map.entry("roles/artifactregistry.writer", Set.of("artifactregistry.repositories.get", "artifactregistry.repositories.list", "artifactregistry.repositories.downloadArtifacts", "artifactregistry.repositories.uploadArtifacts", "artifactregistry.dockerimages.*")),
          Map.entry("roles/logging.viewer", Set.of("logging.logEntries.list")),
          Map.entry("roles/logging.logWriter", Set.of("logging.logEntries.create")));

  private Permissions() {}

  /** Returns whether the role grants the permission, counting wildcards such as {@code run.*}. */
  public static boolean roleGrants(String role, String permission) {
    if (role.equals(OWNER)) {
      return true;
    }
    if (role.equals(EDITOR)) {
      return !permission.endsWith(".setIamPolicy");
    }
    if (role.equals(VIEWER)) {
      return permission.endsWith(".get") || permission.endsWith(".list") || permission.endsWith(".getIamPolicy");
    }
    for (String granted : ROLES.getOrDefault(role, Set.of())) {
      if (granted.equals(permission)) {
        return true;
      }
      if (granted.endsWith(".*") && permission.startsWith(granted.substring(0, granted.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether any of the policies grants the permission to the member. */
  public static boolean granted(String member, String permission, Policy... policies) {
    for (Policy policy : policies) {
      if (policy == null) {
        continue;
      }
      for (Binding binding : policy.getBindingsList()) {
        if (matches(binding, member) && roleGrants(binding.getRole(), permission)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Returns the permissions, in request order, that any of the policies grants to the member. */
  public static List<String> grantedSubset(String member, List<String> permissions, Policy... policies) {
    List<String> granted = new ArrayList<>();
    for (String permission : permissions) {
      if (granted(member, permission, policies)) {
        granted.add(permission);
      }
    }
    return granted;
  }

  private static boolean matches(Binding binding, String member) {
    for (String bound : binding.getMembersList()) {
      if (bound.equals(member) || bound.equals("allUsers")) {
        return true;
      }
      if (bound.equals("allAuthenticatedUsers") && !member.equals("allUsers")) {
        return true;
      }
    }
    return false;
  }
}
