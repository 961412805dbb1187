package dev.terrace.gcp.driver;

import com.google.cloud.secretmanager.v1.CreateSecretRequest;
import com.google.cloud.secretmanager.v1.DeleteSecretRequest;
import com.google.cloud.secretmanager.v1.GetSecretRequest;
import com.google.cloud.secretmanager.v1.Replication;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.UpdateSecretRequest;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.protobuf.FieldMask;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.Observed;
import dev.terrace.core.spec.SecretSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Secret Manager secrets and their IAM; values are versions, handled by {@code GcpSecretValues}. */
final class SecretDriver implements Driver<SecretSpec> {

    private final DriverContext context;

    SecretDriver(DriverContext context) {
        this.context = context;
    }

    @Override
    public Optional<Observed<SecretSpec>> read(SecretSpec spec) {
        SecretManagerServiceClient client = context.clients().secretManager();
        Optional<Secret> secret = Calls.find("read secret " + spec.secretId(), () -> client.getSecret(
                GetSecretRequest.newBuilder().setName(name(spec)).build()));
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> iam = ResourcePolicy.roles(readPolicy(spec));
        return Optional.of(observed(secret.get(), spec, iam));
    }

    @Override
    public Observed<SecretSpec> create(SecretSpec spec) {
        SecretManagerServiceClient client = context.clients().secretManager();
        Secret created = Calls.call("create secret " + spec.secretId(), () -> client.createSecret(
                CreateSecretRequest.newBuilder()
                        .setParent("projects/" + context.project())
                        .setSecretId(spec.secretId())
                        .setSecret(Secret.newBuilder().setReplication(replication(spec)).putAllLabels(spec.labels()))
                        .build()));
        writeIam(spec, Set.of());
        return observed(created, spec, spec.iam());
    }

    @Override
    public Observed<SecretSpec> update(SecretSpec desired, Observed<SecretSpec> current) {
        SecretManagerServiceClient client = context.clients().secretManager();
        Secret updated = Calls.call("update secret " + desired.secretId(), () -> client.updateSecret(
                UpdateSecretRequest.newBuilder()
                        .setSecret(Secret.newBuilder().setName(name(desired)).putAllLabels(desired.labels()))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("labels"))
                        .build()));
        writeIam(desired, current.spec().iam().keySet());
        return observed(updated, desired, desired.iam());
    }

    @Override
    public void delete(SecretSpec spec) {
        SecretManagerServiceClient client = context.clients().secretManager();
        Calls.run("delete secret " + spec.secretId(), () -> client.deleteSecret(
                DeleteSecretRequest.newBuilder().setName(name(spec)).build()));
    }

    private Policy readPolicy(SecretSpec spec) {
        SecretManagerServiceClient client = context.clients().secretManager();
        return Calls.call("read the IAM policy of secret " + spec.secretId(), () -> client.getIamPolicy(
                GetIamPolicyRequest.newBuilder().setResource(name(spec)).build()));
    }

    private void writeIam(SecretSpec spec, Set<String> previouslyOwned) {
        if (spec.iam().isEmpty() && previouslyOwned.isEmpty()) {
            return;
        }
        SecretManagerServiceClient client = context.clients().secretManager();
        ResourcePolicy.write("set the IAM policy of secret " + spec.secretId(), () -> readPolicy(spec),
                policy -> client.setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(name(spec))
                        .setPolicy(policy).build()), spec.iam(), previouslyOwned);
    }

    private static Replication replication(SecretSpec spec) {
        if ("user-managed".equals(spec.replication())) {
            Replication.UserManaged.Builder managed = Replication.UserManaged.newBuilder();
            spec.replicaLocations().forEach(location -> managed.addReplicas(
                    Replication.UserManaged.Replica.newBuilder().setLocation(location)));
            return Replication.newBuilder().setUserManaged(managed).build();
        }
        return Replication.newBuilder().setAutomatic(Replication.Automatic.getDefaultInstance()).build();
    }

    private String name(SecretSpec spec) {
        return "projects/" + context.project() + "/secrets/" + spec.secretId();
    }

    private static Observed<SecretSpec> observed(Secret secret, SecretSpec spec, Map<String, List<String>> iam) {
        boolean userManaged = secret.getReplication().hasUserManaged();
        List<String> locations = userManaged ? secret.getReplication().getUserManaged().getReplicasList().stream()
                .map(Replication.UserManaged.Replica::getLocation).toList() : List.of();
        SecretSpec read = new SecretSpec(spec.secretId(), userManaged ? "user-managed" : "automatic", locations,
                secret.getLabelsMap(), iam);
        return new Observed<>(read, Map.of("name", secret.getName(), "etag", secret.getEtag()));
    }
}
