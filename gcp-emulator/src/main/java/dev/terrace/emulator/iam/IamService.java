package dev.terrace.emulator.iam;

import static dev.terrace.emulator.Rpc.respond;

import com.google.iam.admin.v1.CreateServiceAccountRequest;
import com.google.iam.admin.v1.DeleteServiceAccountRequest;
import com.google.iam.admin.v1.GetServiceAccountRequest;
import com.google.iam.admin.v1.IAMGrpc;
import com.google.iam.admin.v1.ListServiceAccountsRequest;
import com.google.iam.admin.v1.ListServiceAccountsResponse;
import com.google.iam.admin.v1.PatchServiceAccountRequest;
import com.google.iam.admin.v1.ServiceAccount;
import com.google.iam.admin.v1.UndeleteServiceAccountRequest;
import com.google.iam.admin.v1.UndeleteServiceAccountResponse;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.iam.v1.TestIamPermissionsResponse;
import com.google.protobuf.Empty;
import dev.terrace.emulator.Apis;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.MemberChecks;
import dev.terrace.emulator.Pages;
import dev.terrace.emulator.Permissions;
import dev.terrace.emulator.World;
import dev.terrace.emulator.iam.ServiceAccountState.Account;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code google.iam.admin.v1.IAM}: service accounts and their IAM policies. A new account is
 * invisible for {@code serviceAccountVisibilityDelay}: get, list and IAM calls on it fail as if
 * it did not exist yet (get: PERMISSION_DENIED), which is how the real service's eventual
 * consistency shows.
 */
public final class IamService extends IAMGrpc.IAMImplBase {
  // 6 to 30 characters: a lowercase letter, then lowercase letters, digits or dashes, not ending in a dash.
  private static final Pattern ACCOUNT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");

  private final World world;
  private final ServiceAccountState accounts;

  public IamService(World world) {
    this.world = world;
    this.accounts = world.serviceAccounts();
  }

  @Override
  public void createServiceAccount(CreateServiceAccountRequest request, StreamObserver<ServiceAccount> response) {
    requireThisProject(request.getName(), "iam.serviceAccounts.create");
    String accountId = request.getAccountId();
    if (!ACCOUNT_ID.matcher(accountId).matches()) {
      throw GrpcErrors.invalidArgument(
          "Account id '" + accountId + "' is invalid: it must be 6 to 30 lowercase letters, digits or dashes, start with a"
              + " letter and not end with a dash.");
    }
    if (accounts.exists(accounts.emailOf(accountId))) {
      throw GrpcErrors.alreadyExists(
          "Service account " + accountId + " already exists within project projects/" + world.projectId() + ".");
    }
    ServiceAccount requested = request.getServiceAccount();
    Account created = accounts.create(accountId, requested.getDisplayName(), requested.getDescription());
    respond(response, created.account());
  }

  @Override
  public void getServiceAccount(GetServiceAccountRequest request, StreamObserver<ServiceAccount> response) {
    respond(response, visible(request.getName(), "iam.serviceAccounts.get").account());
  }

  @Override
  public void listServiceAccounts(ListServiceAccountsRequest request, StreamObserver<ListServiceAccountsResponse> response) {
    requireThisProject(request.getName(), "iam.serviceAccounts.list");
    List<ServiceAccount> visible =
        accounts.live().stream().filter(accounts::isVisible).map(Account::account).toList();
    Pages.Page<ServiceAccount> page = Pages.page(visible, request.getPageSize(), request.getPageToken(), 20, 100);
    respond(response, ListServiceAccountsResponse.newBuilder().addAllAccounts(page.items()).setNextPageToken(page.nextPageToken()).build());
  }

  @Override
  public void patchServiceAccount(PatchServiceAccountRequest request, StreamObserver<ServiceAccount> response) {
    Account target = visible(request.getServiceAccount().getName(), "iam.serviceAccounts.update");
    ServiceAccount.Builder changed = target.account().toBuilder();
    List<String> paths = request.getUpdateMask().getPathsList();
    if (paths.isEmpty()) {
      throw GrpcErrors.invalidArgument("update_mask must name the fields to change: display_name and/or description.");
    }
    for (String path : paths) {
      switch (path) {
        case "display_name", "displayName" -> changed.setDisplayName(request.getServiceAccount().getDisplayName());
        case "description" -> changed.setDescription(request.getServiceAccount().getDescription());
        default -> throw GrpcErrors.invalidArgument("Field " + path + " cannot be updated; only display_name and description can.");
      }
    }
    accounts.update(target, changed.build());
    respond(response, target.account());
  }

  @Override
  public void updateServiceAccount(ServiceAccount request, StreamObserver<ServiceAccount> response) {
    Account target = visible(request.getName(), "iam.serviceAccounts.update");
    ServiceAccount changed =
        target.account().toBuilder().setDisplayName(request.getDisplayName()).setDescription(request.getDescription()).build();
    accounts.update(target, changed);
    respond(response, target.account());
  }

  @Override
  public void deleteServiceAccount(DeleteServiceAccountRequest request, StreamObserver<Empty> response) {
    Account target = visible(request.getName(), "iam.serviceAccounts.delete");
    accounts.delete(target);
    respond(response, Empty.getDefaultInstance());
  }

  @Override
  public void undeleteServiceAccount(UndeleteServiceAccountRequest request, StreamObserver<UndeleteServiceAccountResponse> response) {
    String key = keyOf(request.getName(), "iam.serviceAccounts.undelete");
    Account target = accounts.find(key).orElseThrow(() -> GrpcErrors.notFound("Deleted service account " + key + " not found; only accounts deleted in the last 30 days can be restored."));
    if (!target.deleted()) {
      throw GrpcErrors.failedPrecondition("Service account " + target.account().getEmail() + " is not deleted.");
    }
    accounts.undelete(target);
    respond(response, UndeleteServiceAccountResponse.newBuilder().setRestoredAccount(target.account()).build());
  }

  @Override
  public void getIamPolicy(GetIamPolicyRequest request, StreamObserver<Policy> response) {
    respond(response, visible(request.getResource(), "iam.serviceAccounts.getIamPolicy").policy());
  }

  @Override
  public void setIamPolicy(SetIamPolicyRequest request, StreamObserver<Policy> response) {
    Account target = visible(request.getResource(), "iam.serviceAccounts.setIamPolicy");
    MemberChecks.validate(world, request.getPolicy());
    respond(response, accounts.setPolicy(target, request.getPolicy()));
  }

  @Override
  public void testIamPermissions(TestIamPermissionsRequest request, StreamObserver<TestIamPermissionsResponse> response) {
    Account target = visible(request.getResource(), "iam.serviceAccounts.get");
    TestIamPermissionsResponse.Builder granted = TestIamPermissionsResponse.newBuilder();
    for (String permission : request.getPermissionsList()) {
      if (Permissions.granted(world.caller(), permission, world.project().policy(), target.policy())) {
        granted.addPermissions(permission);
      }
    }
    respond(response, granted.build());
  }

  /**
   * Returns the live, visible account a name points at. A missing account is NOT_FOUND; one still
   * inside its visibility window is PERMISSION_DENIED, the error the real service returns then.
   */
  private Account visible(String name, String permission) {
    String key = keyOf(name, permission);
    Account found = accounts.find(key).filter(a -> !a.deleted()).orElseThrow(() -> unknown(key));
    if (!accounts.isVisible(found)) {
      throw GrpcErrors.permissionDenied(Apis.IAM, permission, name);
    }
    return found;
  }

  private static StatusRuntimeException unknown(String key) {
    return GrpcErrors.notFound("Unknown service account " + key + ".");
  }

  /** Returns the email or unique id of {@code projects/P-or-dash/serviceAccounts/KEY}. */
  private String keyOf(String name, String permission) {
    int marker = name.indexOf("/serviceAccounts/");
    if (!name.startsWith("projects/") || marker < 0) {
      throw GrpcErrors.invalidArgument("Invalid service account name '" + name + "'; expected projects/PROJECT/serviceAccounts/EMAIL.");
    }
    String project = name.substring(0, marker);
    if (!project.equals("projects/-")) {
      requireThisProject(project, permission);
    }
    return name.substring(marker + "/serviceAccounts/".length());
  }

  private void requireThisProject(String project, String permission) {
    if (!world.project().isThisProject(project)) {
      throw GrpcErrors.permissionDenied(Apis.IAM, permission, project);
    }
  }
}
