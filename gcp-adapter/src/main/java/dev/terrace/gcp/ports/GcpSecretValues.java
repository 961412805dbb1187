package dev.terrace.gcp.ports;

import com.google.cloud.secretmanager.v1.AccessSecretVersionRequest;
import com.google.cloud.secretmanager.v1.AddSecretVersionRequest;
import com.google.cloud.secretmanager.v1.DestroySecretVersionRequest;
import com.google.cloud.secretmanager.v1.DisableSecretVersionRequest;
import com.google.cloud.secretmanager.v1.EnableSecretVersionRequest;
import com.google.cloud.secretmanager.v1.ListSecretVersionsRequest;
import com.google.cloud.secretmanager.v1.ListSecretsRequest;
import com.google.cloud.secretmanager.v1.Replication;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.protobuf.ByteString;
import dev.terrace.core.port.SecretMetadata;
import dev.terrace.core.port.SecretValues;
import dev.terrace.core.port.SecretVersion;
import dev.terrace.gcp.error.ErrorTranslator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Secret versions through Secret Manager. Values travel only as byte arrays and protobuf byte
 * strings. No value reaches a log line or an exception message, because those name only the
 * secret and the version.
 */
public final class GcpSecretValues implements SecretValues {

    private final SecretManagerServiceClient client;
    private final String project;

    public GcpSecretValues(SecretManagerServiceClient client, String project) {
        this.client = client;
        this.project = project;
    }

    @Override
    public List<SecretMetadata> secrets() {
        return ErrorTranslator.call("list the secrets of project " + project, () -> {
            List<SecretMetadata> secrets = new ArrayList<>();
            client.listSecrets(ListSecretsRequest.newBuilder().setParent("projects/" + project).build())
                    .iterateAll().forEach(secret -> secrets.add(metadata(secret)));
            secrets.sort(Comparator.comparing(SecretMetadata::secretId));
            return secrets;
        });
    }

    @Override
    public List<SecretVersion> versions(String secretId) {
        return ErrorTranslator.call("list the versions of secret " + secretId, () -> {
            List<SecretVersion> versions = new ArrayList<>();
            client.listSecretVersions(ListSecretVersionsRequest.newBuilder().setParent(secret(secretId)).build())
                    .iterateAll().forEach(version -> versions.add(version(secretId, version)));
            return versions;
        });
    }

    /**
     * Adds a version with a CRC32C checksum, so Secret Manager rejects a value corrupted on the way.
     * NOTE: protobuf copies the value into an immutable ByteString, which cannot be wiped; it stays
     * in memory until the garbage collector reclaims it.
     */
    @Override
    public SecretVersion add(String secretId, byte[] value) {
        CRC32C checksum = new CRC32C();
        checksum.update(value);
        SecretPayload payload = SecretPayload.newBuilder().setData(ByteString.copyFrom(value))
                .setDataCrc32C(checksum.getValue()).build();
        return ErrorTranslator.call("add a version to secret " + secretId, () -> version(secretId, client.addSecretVersion(
                AddSecretVersionRequest.newBuilder().setParent(secret(secretId)).setPayload(payload).build())));
    }

    @Override
    public byte[] access(String secretId, String version) {
        return ErrorTranslator.call("read version " + version + " of secret " + secretId, () -> client.accessSecretVersion(
                AccessSecretVersionRequest.newBuilder().setName(secret(secretId) + "/versions/" + version).build())
                .getPayload().getData().toByteArray());
    }

    @Override
    public SecretVersion enable(String secretId, String version) {
        return ErrorTranslator.call("enable version " + version + " of secret " + secretId, () -> version(secretId,
                client.enableSecretVersion(EnableSecretVersionRequest.newBuilder()
                        .setName(secret(secretId) + "/versions/" + version).build())));
    }

    @Override
    public SecretVersion disable(String secretId, String version) {
        return ErrorTranslator.call("disable version " + version + " of secret " + secretId, () -> version(secretId,
                client.disableSecretVersion(DisableSecretVersionRequest.newBuilder()
                        .setName(secret(secretId) + "/versions/" + version).build())));
    }

    @Override
    public SecretVersion destroy(String secretId, String version) {
        return ErrorTranslator.call("destroy version " + version + " of secret " + secretId, () -> version(secretId,
                client.destroySecretVersion(DestroySecretVersionRequest.newBuilder()
                        .setName(secret(secretId) + "/versions/" + version).build())));
    }

    private String secret(String secretId) {
        return "projects/" + project + "/secrets/" + secretId;
    }

    private static SecretMetadata metadata(Secret secret) {
        String name = secret.getName();
        boolean userManaged = secret.getReplication().hasUserManaged();
        List<String> locations = userManaged ? secret.getReplication().getUserManaged().getReplicasList().stream()
                .map(Replication.UserManaged.Replica::getLocation).toList() : List.of();
        return new SecretMetadata(name.substring(name.lastIndexOf('/') + 1), userManaged ? "user-managed" : "automatic",
                locations, secret.getLabelsMap());
    }

    private static SecretVersion version(String secretId, com.google.cloud.secretmanager.v1.SecretVersion version) {
        String name = version.getName();
        Instant created = version.hasCreateTime() ? Instant.ofEpochSecond(version.getCreateTime().getSeconds(),
                version.getCreateTime().getNanos()) : null;
        return new SecretVersion(secretId, name.substring(name.lastIndexOf('/') + 1), version.getState().name(),
                created);
    }
}
