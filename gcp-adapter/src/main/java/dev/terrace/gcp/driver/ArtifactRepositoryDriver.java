package dev.terrace.gcp.driver;

import com.google.devtools.artifactregistry.v1.ArtifactRegistryClient;
import com.google.devtools.artifactregistry.v1.CreateRepositoryRequest;
import com.google.devtools.artifactregistry.v1.DeleteRepositoryRequest;
import com.google.devtools.artifactregistry.v1.GetRepositoryRequest;
import com.google.devtools.artifactregistry.v1.Repository;
import com.google.devtools.artifactregistry.v1.UpdateRepositoryRequest;
import com.google.longrunning.Operation;
import com.google.protobuf.FieldMask;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.Observed;
import dev.terrace.core.spec.ArtifactRepositorySpec;
import java.util.Map;
import java.util.Optional;

/** Artifact Registry repositories; create and delete are long-running operations. */
final class ArtifactRepositoryDriver implements Driver<ArtifactRepositorySpec> {

    private final DriverContext context;

    ArtifactRepositoryDriver(DriverContext context) {
        this.context = context;
    }

    @Override
    public Optional<Observed<ArtifactRepositorySpec>> read(ArtifactRepositorySpec spec) {
        ArtifactRegistryClient client = context.clients().artifactRegistry();
        return Calls.find("read repository " + spec.repositoryId(), () -> client.getRepository(
                GetRepositoryRequest.newBuilder().setName(name(spec)).build())).map(repository -> observed(spec,
                repository));
    }

    @Override
    public Observed<ArtifactRepositorySpec> create(ArtifactRepositorySpec spec) {
        ArtifactRegistryClient client = context.clients().artifactRegistry();
        String action = "create repository " + spec.repositoryId();
        Operation started = Calls.call(action, () -> client.createRepositoryCallable().call(
                CreateRepositoryRequest.newBuilder()
                        .setParent("projects/" + context.project() + "/locations/" + spec.location())
                        .setRepositoryId(spec.repositoryId())
                        .setRepository(repository(spec))
                        .build()));
        Repository created = context.waiter().await(action, client.getOperationsClient(), started, Repository.class);
        return observed(spec, created);
    }

    @Override
    public Observed<ArtifactRepositorySpec> update(ArtifactRepositorySpec desired,
            Observed<ArtifactRepositorySpec> current) {
        ArtifactRegistryClient client = context.clients().artifactRegistry();
        Repository updated = Calls.call("update repository " + desired.repositoryId(), () -> client.updateRepository(
                UpdateRepositoryRequest.newBuilder()
                        .setRepository(repository(desired).toBuilder().setName(name(desired)))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("description").addPaths("labels"))
                        .build()));
        return observed(desired, updated);
    }

    @Override
    public void delete(ArtifactRepositorySpec spec) {
        ArtifactRegistryClient client = context.clients().artifactRegistry();
        String action = "delete repository " + spec.repositoryId();
        Operation started = Calls.call(action, () -> client.deleteRepositoryCallable().call(
                DeleteRepositoryRequest.newBuilder().setName(name(spec)).build()));
        context.waiter().await(action, client.getOperationsClient(), started, null);
    }

    @Override
    public Optional<Observed<ArtifactRepositorySpec>> resume(String operationName, ArtifactRepositorySpec spec) {
        ArtifactRegistryClient client = context.clients().artifactRegistry();
        String action = "create repository " + spec.repositoryId();
        Operation operation = context.waiter().lookUp(action, client.getOperationsClient(), operationName);
        context.waiter().await(action, client.getOperationsClient(), operation, null);
        return read(spec);
    }

    private Repository repository(ArtifactRepositorySpec spec) {
        return Repository.newBuilder()
                .setFormat(Repository.Format.valueOf(spec.format()))
                .setDescription(spec.description() == null ? "" : spec.description())
                .putAllLabels(spec.labels())
                .build();
    }

    private String name(ArtifactRepositorySpec spec) {
        return "projects/" + context.project() + "/locations/" + spec.location() + "/repositories/"
                + spec.repositoryId();
    }

    private static Observed<ArtifactRepositorySpec> observed(ArtifactRepositorySpec spec, Repository repository) {
        String description = repository.getDescription().isEmpty() ? null : repository.getDescription();
        ArtifactRepositorySpec read = new ArtifactRepositorySpec(spec.repositoryId(), spec.location(),
                repository.getFormat().name(), description, repository.getLabelsMap());
        return new Observed<>(read, Map.of("name", repository.getName()));
    }
}
