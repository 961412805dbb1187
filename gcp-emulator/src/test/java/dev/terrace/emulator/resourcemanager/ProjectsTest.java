package dev.terrace.emulator.resourcemanager;

import static dev.terrace.emulator.support.Calls.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.resourcemanager.v3.Project;
import com.google.cloud.resourcemanager.v3.ProjectsClient;
import com.google.cloud.resourcemanager.v3.ProjectsSettings;
import com.google.cloud.resourcemanager.v3.SearchProjectsRequest;
import com.google.cloud.resourcemanager.v3.SearchProjectsResponse;
import com.google.iam.v1.Binding;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import dev.terrace.emulator.Apis;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.emulator.support.Clients;
import io.grpc.Status;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectsTest {
  private static final String PROJECT = "projects/sandbox-project";

  private Emulator emulator;
  private ProjectsClient projects;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorConfig.builder().enabledServices(Set.of(Apis.RESOURCE_MANAGER, Apis.IAM)).build());
    projects =
        ProjectsClient.create(
            ProjectsSettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials()).build());
  }

  @AfterEach
  void stop() {
    projects.close();
    emulator.close();
  }

  @Test
  void getProjectByIdAndNumber() {
    Project byId = projects.getProject(PROJECT);
    Project byNumber = projects.getProject("projects/100000000001");

    assertThat(byId.getProjectId()).isEqualTo("sandbox-project");
    assertThat(byId.getName()).isEqualTo("projects/100000000001");
    assertThat(byId.getState()).isEqualTo(Project.State.ACTIVE);
    assertThat(byNumber).isEqualTo(byId);
  }

  @Test
  void otherProjectIsPermissionDenied() {
    Throwable error = failureOf(() -> projects.getProject("projects/someone-else"));

    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void callerOwnsNewProject() {
    Policy policy = projects.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(PROJECT).build());

    assertThat(policy.getBindingsList()).contains(Binding.newBuilder().setRole("roles/owner").addMembers("user:sandbox-owner@example.com").build());
    assertThat(policy.getEtag().isEmpty()).isFalse();
  }

  @Test
  void setIamPolicyReadModifyWrite() {
    Policy read = projects.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(PROJECT).build());
    Policy changed = read.toBuilder().addBindings(Binding.newBuilder().setRole("roles/viewer").addMembers("user:ana@example.com")).build();

    Policy written = projects.setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(PROJECT).setPolicy(changed).build());

    assertThat(written.getBindingsList()).hasSize(2);
    assertThat(written.getEtag()).isNotEqualTo(read.getEtag());
    assertThat(projects.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(PROJECT).build())).isEqualTo(written);
  }

  @Test
  void staleEtagIsAborted() {
    Policy read = projects.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(PROJECT).build());
    Policy first = read.toBuilder().addBindings(Binding.newBuilder().setRole("roles/viewer").addMembers("user:ana@example.com")).build();
    projects.setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(PROJECT).setPolicy(first).build());
    Policy second = read.toBuilder().addBindings(Binding.newBuilder().setRole("roles/editor").addMembers("user:bo@example.com")).build();

    Throwable error = failureOf(() -> projects.setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(PROJECT).setPolicy(second).build()));

    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.ABORTED);
    assertThat(error).hasMessageContaining("etag");
  }

  @Test
  void bindingUnknownServiceAccountIsInvalid() {
    Policy read = projects.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(PROJECT).build());
    Policy changed =
        read.toBuilder()
            .addBindings(Binding.newBuilder().setRole("roles/secretmanager.secretAccessor").addMembers("serviceAccount:ghost@sandbox-project.iam.gserviceaccount.com"))
            .build();

    Throwable error = failureOf(() -> projects.setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(PROJECT).setPolicy(changed).build()));

    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(error).hasMessageContaining("ghost@sandbox-project.iam.gserviceaccount.com does not exist");
  }

  @Test
  void testIamPermissionsReturnsGrantedSubset() {
    var response =
        projects.testIamPermissions(
            TestIamPermissionsRequest.newBuilder()
                .setResource(PROJECT)
                .addPermissions("resourcemanager.projects.get")
                .addPermissions("iam.serviceAccounts.actAs")
                .build());

    assertThat(response.getPermissionsList()).containsExactly("resourcemanager.projects.get", "iam.serviceAccounts.actAs");
  }

  @Test
  void editorMayNotSetIamPolicy() {
    emulator.close();
    emulator =
        Emulator.start(
            EmulatorConfig.builder().enabledServices(Set.of(Apis.RESOURCE_MANAGER)).callerPrincipal("user:sandbox-owner@example.com").build());
    emulator.world().project().setPolicy(
        Policy.newBuilder().addBindings(Binding.newBuilder().setRole("roles/editor").addMembers("user:sandbox-owner@example.com")).build());
    projects.close();
    try (ProjectsClient client =
        ProjectsClient.create(
            ProjectsSettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials()).build())) {
      projects = client;
      Policy read = client.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(PROJECT).build());

      Throwable error = failureOf(() -> client.setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(PROJECT).setPolicy(read).build()));

      assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(Clients.errorInfo(error).orElseThrow().getReason()).isEqualTo("IAM_PERMISSION_DENIED");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void searchProjectsFindsVisibleProject() {
    SearchProjectsResponse all = projects.searchProjectsCallable().call(SearchProjectsRequest.newBuilder().build());
    SearchProjectsResponse active = projects.searchProjectsCallable().call(SearchProjectsRequest.newBuilder().setQuery("state:ACTIVE").build());
    SearchProjectsResponse byPrefix = projects.searchProjectsCallable().call(SearchProjectsRequest.newBuilder().setQuery("id:sandbox-*").build());

    assertThat(all.getProjectsList()).extracting(Project::getProjectId).containsExactly("sandbox-project");
    assertThat(active.getProjectsList()).hasSize(1);
    assertThat(byPrefix.getProjectsList()).hasSize(1);
    assertThat(all.getNextPageToken()).isEmpty();
  }

  @Test
  void searchProjectsAppliesQuery() {
    SearchProjectsResponse other = projects.searchProjectsCallable().call(SearchProjectsRequest.newBuilder().setQuery("id:someone-else").build());
    SearchProjectsResponse deleted = projects.searchProjectsCallable().call(SearchProjectsRequest.newBuilder().setQuery("state:DELETE_REQUESTED").build());

    assertThat(other.getProjectsList()).isEmpty();
    assertThat(deleted.getProjectsList()).isEmpty();
  }

  @Test
  void searchProjectsMatchesAnyTermIgnoringCase() {
    SearchProjectsResponse either = projects.searchProjectsCallable().call(SearchProjectsRequest.newBuilder().setQuery("id:someone-else state:active").build());
    SearchProjectsResponse upper = projects.searchProjectsCallable().call(SearchProjectsRequest.newBuilder().setQuery("projectId:SANDBOX-PROJECT").build());

    assertThat(either.getProjectsList()).hasSize(1);
    assertThat(upper.getProjectsList()).hasSize(1);
  }

  @Test
  void searchProjectsRejectsUnknownField() {
    Throwable error = failureOf(() -> projects.searchProjectsCallable().call(SearchProjectsRequest.newBuilder().setQuery("labels.env:prod").build()));

    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void searchProjectsHidesProjectWithoutGetPermission() {
    Policy read = projects.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(PROJECT).build());
    Policy noOwner = read.toBuilder().clearBindings().addBindings(Binding.newBuilder().setRole("roles/owner").addMembers("user:ana@example.com")).build();
    projects.setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(PROJECT).setPolicy(noOwner).build());

    SearchProjectsResponse found = projects.searchProjectsCallable().call(SearchProjectsRequest.newBuilder().build());

    assertThat(found.getProjectsList()).isEmpty();
  }
}
