package dev.terrace.emulator.resourcemanager;

import static dev.terrace.emulator.Rpc.respond;

import com.google.cloud.resourcemanager.v3.GetProjectRequest;
import com.google.cloud.resourcemanager.v3.Project;
import com.google.cloud.resourcemanager.v3.ProjectsGrpc;
import com.google.cloud.resourcemanager.v3.SearchProjectsRequest;
import com.google.cloud.resourcemanager.v3.SearchProjectsResponse;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.iam.v1.TestIamPermissionsResponse;
import dev.terrace.emulator.Apis;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.MemberChecks;
import dev.terrace.emulator.Pages;
import dev.terrace.emulator.Permissions;
import dev.terrace.emulator.World;
import io.grpc.stub.StreamObserver;
import java.util.List;

/**
 * {@code google.cloud.resourcemanager.v3.Projects}: the one project and its IAM policy. Any other
 * project returns PERMISSION_DENIED, as the real API does for projects the caller cannot see.
 * SearchProjects returns the one project when the caller may get it and the query matches.
 */
public final class ProjectsService extends ProjectsGrpc.ProjectsImplBase {
  /** The largest SearchProjects page; the API leaves the size to the server, so this is the emulator's choice. */
  private static final int SEARCH_PAGE_SIZE = 500;

  private final World world;

  public ProjectsService(World world) {
    this.world = world;
  }

  @Override
  public void getProject(GetProjectRequest request, StreamObserver<Project> response) {
    requireVisible(request.getName(), "resourcemanager.projects.get");
    respond(response, world.project().project());
  }

  @Override
  public void searchProjects(SearchProjectsRequest request, StreamObserver<SearchProjectsResponse> response) {
    ProjectQuery query = ProjectQuery.parse(request.getQuery());
    Project project = world.project().project();
    boolean visible = Permissions.granted(world.caller(), "resourcemanager.projects.get", world.project().policy());
    List<Project> found = visible && query.matches(project) ? List.of(project) : List.of();
    Pages.Page<Project> page = Pages.page(found, request.getPageSize(), request.getPageToken(), SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE);
    respond(response, SearchProjectsResponse.newBuilder().addAllProjects(page.items()).setNextPageToken(page.nextPageToken()).build());
  }

  @Override
  public void getIamPolicy(GetIamPolicyRequest request, StreamObserver<Policy> response) {
    requireVisible(request.getResource(), "resourcemanager.projects.getIamPolicy");
    respond(response, world.project().policy());
  }

  @Override
  public void setIamPolicy(SetIamPolicyRequest request, StreamObserver<Policy> response) {
    requireVisible(request.getResource(), "resourcemanager.projects.setIamPolicy");
    if (!world.projectGrants(world.caller(), "resourcemanager.projects.setIamPolicy")) {
      throw GrpcErrors.permissionDenied(Apis.RESOURCE_MANAGER, "resourcemanager.projects.setIamPolicy", request.getResource());
    }
    MemberChecks.validate(world, request.getPolicy());
    respond(response, world.project().setPolicy(request.getPolicy()));
  }

  @Override
  public void testIamPermissions(TestIamPermissionsRequest request, StreamObserver<TestIamPermissionsResponse> response) {
    requireVisible(request.getResource(), "resourcemanager.projects.get");
    TestIamPermissionsResponse.Builder granted = TestIamPermissionsResponse.newBuilder();
    for (String permission : request.getPermissionsList()) {
      if (Permissions.granted(world.caller(), permission, world.project().policy())) {
        granted.addPermissions(permission);
      }
    }
    respond(response, granted.build());
  }

  private void requireVisible(String name, String permission) {
    if (!world.project().isThisProject(name)) {
      throw GrpcErrors.permissionDenied(Apis.RESOURCE_MANAGER, permission, name);
    }
  }
}
