package dev.terrace.emulator.artifactregistry;

import static dev.terrace.emulator.Rpc.respond;

import com.google.devtools.artifactregistry.v1.ArtifactRegistryGrpc;
import com.google.devtools.artifactregistry.v1.CreateRepositoryRequest;
import com.google.devtools.artifactregistry.v1.DeleteRepositoryRequest;
import com.google.devtools.artifactregistry.v1.DockerImage;
import com.google.devtools.artifactregistry.v1.GetDockerImageRequest;
import com.google.devtools.artifactregistry.v1.GetRepositoryRequest;
import com.google.devtools.artifactregistry.v1.ListDockerImagesRequest;
import com.google.devtools.artifactregistry.v1.ListDockerImagesResponse;
import com.google.devtools.artifactregistry.v1.ListRepositoriesRequest;
import com.google.devtools.artifactregistry.v1.ListRepositoriesResponse;
import com.google.devtools.artifactregistry.v1.OperationMetadata;
import com.google.devtools.artifactregistry.v1.Repository;
import com.google.devtools.artifactregistry.v1.UpdateRepositoryRequest;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.iam.v1.TestIamPermissionsResponse;
import com.google.longrunning.Operation;
import com.google.protobuf.Empty;
import dev.terrace.emulator.Apis;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.MemberChecks;
import dev.terrace.emulator.Pages;
import dev.terrace.emulator.Permissions;
import dev.terrace.emulator.World;
import dev.terrace.emulator.longrunning.OperationsRegistry;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code google.devtools.artifactregistry.v1.ArtifactRegistry}: repositories (create and delete
 * are long-running operations, returned done) and the Docker images in them. Images arrive through
 * {@code Emulator.publishImage}, the emulator's stand-in for {@code docker push}.
 */
public final class ArtifactRegistryService extends ArtifactRegistryGrpc.ArtifactRegistryImplBase {
  private static final Pattern PARENT = Pattern.compile("projects/([^/]+)/locations/([^/]+)");
  // Lowercase letters, digits and dashes; starts with a letter, at most 63 characters.
  private static final Pattern REPOSITORY_ID = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

  private final World world;
  private final ArtifactRegistryState state;

  public ArtifactRegistryService(World world) {
    this.world = world;
    this.state = world.artifactRegistry();
  }

  @Override
  public void createRepository(CreateRepositoryRequest request, StreamObserver<Operation> response) {
    String parent = canonicalParent(request.getParent());
    if (!REPOSITORY_ID.matcher(request.getRepositoryId()).matches()) {
      throw GrpcErrors.invalidArgument(
          "Repository id '" + request.getRepositoryId() + "' is invalid: use lowercase letters, digits and dashes, starting with a letter.");
    }
    if (request.getRepository().getFormat() == Repository.Format.FORMAT_UNSPECIFIED) {
      throw GrpcErrors.invalidArgument("Repository format is required, for example DOCKER.");
    }
    String name = parent + "/repositories/" + request.getRepositoryId();
    if (state.repository(name).isPresent()) {
      throw GrpcErrors.alreadyExists("the repository already exists: " + name);
    }
    Instant now = world.clock().instant();
    Repository created =
        request.getRepository().toBuilder()
            .setName(name)
            .setCreateTime(Pages.timestamp(now))
            .setUpdateTime(Pages.timestamp(now))
            .setMode(request.getRepository().getMode() == Repository.Mode.MODE_UNSPECIFIED ? Repository.Mode.STANDARD_REPOSITORY : request.getRepository().getMode())
            .build();
    state.putRepository(created);
    respond(response, world.operations().finished(operationName(parent), OperationMetadata.getDefaultInstance(), created));
  }

  @Override
  public void getRepository(GetRepositoryRequest request, StreamObserver<Repository> response) {
    respond(response, find(request.getName()));
  }

  @Override
  public void listRepositories(ListRepositoriesRequest request, StreamObserver<ListRepositoriesResponse> response) {
    String parent = canonicalParent(request.getParent());
    Pages.Page<Repository> page = Pages.page(state.repositories(parent), request.getPageSize(), request.getPageToken(), 100, 1000);
    respond(response, ListRepositoriesResponse.newBuilder().addAllRepositories(page.items()).setNextPageToken(page.nextPageToken()).build());
  }

  @Override
  public void updateRepository(UpdateRepositoryRequest request, StreamObserver<Repository> response) {
    Repository current = find(request.getRepository().getName());
    Repository.Builder changed = current.toBuilder();
    for (String path : request.getUpdateMask().getPathsList()) {
      switch (path) {
        case "description" -> changed.setDescription(request.getRepository().getDescription());
        case "labels" -> changed.clearLabels().putAllLabels(request.getRepository().getLabelsMap());
        default -> throw GrpcErrors.invalidArgument("Field " + path + " cannot be updated by the emulator; description and labels can.");
      }
    }
    changed.setUpdateTime(Pages.timestamp(world.clock().instant()));
    Repository updated = changed.build();
    state.putRepository(updated);
    respond(response, updated);
  }

  @Override
  public void deleteRepository(DeleteRepositoryRequest request, StreamObserver<Operation> response) {
    Repository current = find(request.getName());
    state.deleteRepository(current.getName());
    String parent = current.getName().substring(0, current.getName().indexOf("/repositories/"));
    respond(response, world.operations().finished(operationName(parent), OperationMetadata.getDefaultInstance(), Empty.getDefaultInstance()));
  }

  @Override
  public void listDockerImages(ListDockerImagesRequest request, StreamObserver<ListDockerImagesResponse> response) {
    Repository repository = find(request.getParent());
    List<DockerImage> images = new ArrayList<>(state.images(repository.getName()));
    if (request.getOrderBy().startsWith("update_time desc") || request.getOrderBy().startsWith("updateTime desc")) {
      images.sort(Comparator.comparing((DockerImage i) -> i.getUpdateTime().getSeconds()).reversed());
    }
    Pages.Page<DockerImage> page = Pages.page(images, request.getPageSize(), request.getPageToken(), 100, 1000);
    respond(response, ListDockerImagesResponse.newBuilder().addAllDockerImages(page.items()).setNextPageToken(page.nextPageToken()).build());
  }

  @Override
  public void getDockerImage(GetDockerImageRequest request, StreamObserver<DockerImage> response) {
    String name = request.getName();
    int marker = name.indexOf("/dockerImages/");
    if (marker < 0) {
      throw GrpcErrors.invalidArgument("Invalid docker image name '" + name + "'.");
    }
    find(name.substring(0, marker));
    String canonical = canonicalParent(name.substring(0, name.indexOf("/repositories/"))) + name.substring(name.indexOf("/repositories/"));
    respond(response, state.image(canonical).orElseThrow(() -> GrpcErrors.notFound("Requested entity was not found: " + name)));
  }

  @Override
  public void getIamPolicy(GetIamPolicyRequest request, StreamObserver<Policy> response) {
    respond(response, state.policy(find(request.getResource()).getName()));
  }

  @Override
  public void setIamPolicy(SetIamPolicyRequest request, StreamObserver<Policy> response) {
    Repository repository = find(request.getResource());
    MemberChecks.validate(world, request.getPolicy());
    respond(response, state.setPolicy(repository.getName(), request.getPolicy()));
  }

  @Override
  public void testIamPermissions(TestIamPermissionsRequest request, StreamObserver<TestIamPermissionsResponse> response) {
    Repository repository = find(request.getResource());
    Policy policy = state.policy(repository.getName());
    TestIamPermissionsResponse.Builder granted = TestIamPermissionsResponse.newBuilder();
    for (String permission : request.getPermissionsList()) {
      if (Permissions.granted(world.caller(), permission, world.project().policy(), policy)) {
        granted.addPermissions(permission);
      }
    }
    respond(response, granted.build());
  }

  private Repository find(String name) {
    int marker = name.indexOf("/repositories/");
    if (marker < 0) {
      throw GrpcErrors.invalidArgument("Invalid repository name '" + name + "'; expected projects/P/locations/L/repositories/R.");
    }
    String canonical = canonicalParent(name.substring(0, marker)) + name.substring(marker);
    return state.repository(canonical).orElseThrow(() -> GrpcErrors.notFound("Requested entity was not found: " + name));
  }

  /** Returns {@code projects/PROJECT_ID/locations/L} for a parent naming this project by id or number. */
  private String canonicalParent(String parent) {
    Matcher parts = PARENT.matcher(parent);
    if (!parts.matches()) {
      throw GrpcErrors.invalidArgument("Invalid parent '" + parent + "'; expected projects/PROJECT/locations/LOCATION.");
    }
    if (!world.project().isThisProject("projects/" + parts.group(1))) {
      throw GrpcErrors.permissionDenied(Apis.ARTIFACT_REGISTRY, "artifactregistry.repositories.list", parent);
    }
    return "projects/" + world.projectId() + "/locations/" + parts.group(2);
  }

  private static String operationName(String parent) {
    return parent + "/operations/" + OperationsRegistry.newId();
  }
}
