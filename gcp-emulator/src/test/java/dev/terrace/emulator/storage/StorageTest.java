package dev.terrace.emulator.storage;

import static dev.terrace.emulator.support.Calls.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.Identity;
import com.google.cloud.Policy;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageRoles;
import dev.terrace.emulator.Apis;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.emulator.requestlog.RequestRecord;
import dev.terrace.emulator.support.Clients;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StorageTest {
  private static final String STATIC = "sandbox-project-static";

  private Emulator emulator;
  private Storage storage;

  @BeforeEach
  void start() {
    emulator =
        Emulator.start(
            EmulatorConfig.builder()
                .enabledServices(Set.of(Apis.STORAGE, Apis.IAM))
                .takenBucketNames(Set.of("static"))
                .build());
    storage = Clients.storage(emulator);
  }

  @AfterEach
  void stop() throws Exception {
    storage.close();
    emulator.close();
  }

  @Test
  void bucketRoundTrip() {
    Bucket created = createStaticBucket();

    assertThat(created.getName()).isEqualTo(STATIC);
    assertThat(created.getLocation()).isEqualTo("SOUTHAMERICA-EAST1");
    assertThat(created.getIamConfiguration().isUniformBucketLevelAccessEnabled()).isTrue();
    assertThat(storage.get(STATIC).versioningEnabled()).isTrue();
    assertThat(storage.list().iterateAll()).extracting(Bucket::getName).containsExactly(STATIC);

    Bucket patched = storage.update(BucketInfo.newBuilder(STATIC).setLabels(java.util.Map.of("managed-by", "terrace")).build());
    assertThat(patched.getLabels()).containsEntry("managed-by", "terrace");
    assertThat(patched.getMetageneration()).isEqualTo(2L);

    assertThat(storage.delete(STATIC)).isTrue();
    assertThat(storage.get(STATIC)).isNull();
  }

  @Test
  void takenBucketNameIsConflict() {
    StorageException error = (StorageException) failureOf(() -> storage.create(BucketInfo.of("static")));

    assertThat(error.getCode()).isEqualTo(409);
    assertThat(error.getReason()).isEqualTo("conflict");
    assertThat(error.getMessage()).contains("bucket name is not available");
  }

  @Test
  void ownBucketNameAgainIsConflict() {
    createStaticBucket();

    StorageException error = (StorageException) failureOf(() -> storage.create(BucketInfo.of(STATIC)));

    assertThat(error.getCode()).isEqualTo(409);
    assertThat(error.getMessage()).contains("already own it");
  }

  @Test
  void invalidBucketNameIsRejected() {
    StorageException error = (StorageException) failureOf(() -> storage.create(BucketInfo.of("Bad_Name")));

    assertThat(error.getCode()).isEqualTo(400);
  }

  @Test
  void nonEmptyBucketDeleteIsConflict() {
    createStaticBucket();
    storage.create(BlobInfo.newBuilder(STATIC, "css/site.css").build(), "body{}".getBytes(StandardCharsets.UTF_8));

    StorageException error = (StorageException) failureOf(() -> storage.delete(STATIC));

    assertThat(error.getCode()).isEqualTo(409);
    assertThat(error.getMessage()).contains("not empty");
    storage.delete(BlobId.of(STATIC, "css/site.css"));
    assertThat(storage.delete(STATIC)).isTrue();
  }

  @Test
  void objectRoundTrip() {
    createStaticBucket();
    byte[] content = "terraform state".getBytes(StandardCharsets.UTF_8);

    Blob created = storage.create(BlobInfo.newBuilder(STATIC, "terraform/state/default.tfstate").setContentType("application/json").build(), content);

    assertThat(created.getSize()).isEqualTo(content.length);
    assertThat(created.getGeneration()).isPositive();
    assertThat(storage.readAllBytes(BlobId.of(STATIC, "terraform/state/default.tfstate"))).isEqualTo(content);
    Blob fetched = storage.get(BlobId.of(STATIC, "terraform/state/default.tfstate"));
    assertThat(fetched.getContentType()).isEqualTo("application/json");
    assertThat(fetched.getCrc32c()).isEqualTo(created.getCrc32c());
    assertThat(storage.list(STATIC).iterateAll()).extracting(Blob::getName).containsExactly("terraform/state/default.tfstate");
    assertThat(storage.delete(BlobId.of(STATIC, "terraform/state/default.tfstate"))).isTrue();
    assertThat(storage.get(BlobId.of(STATIC, "terraform/state/default.tfstate"))).isNull();
  }

  @Test
  void resumableUploadStoresObject() throws Exception {
    createStaticBucket();
    byte[] content = new byte[3 * 1024 * 1024 + 17];
    new java.util.Random(1).nextBytes(content);

    try (var writer = storage.writer(BlobInfo.newBuilder(STATIC, "media/big.bin").setContentType("application/octet-stream").build())) {
      writer.write(java.nio.ByteBuffer.wrap(content));
    }

    assertThat(storage.readAllBytes(BlobId.of(STATIC, "media/big.bin"))).isEqualTo(content);
    assertThat(storage.get(BlobId.of(STATIC, "media/big.bin")).getSize()).isEqualTo(content.length);
  }

  @Test
  void bucketBindingOfUnknownAccountIsInvalid() {
    createStaticBucket();
    Policy policy = storage.getIamPolicy(STATIC);

    StorageException error =
        (StorageException)
            failureOf(() ->
                storage.setIamPolicy(
                    STATIC, policy.toBuilder().addIdentity(StorageRoles.objectAdmin(), Identity.serviceAccount("ghost@sandbox-project.iam.gserviceaccount.com")).build()));

    assertThat(error.getCode()).isEqualTo(400);
  }

  @Test
  void listWithDelimiterReturnsPrefixes() {
    createStaticBucket();
    storage.create(BlobInfo.newBuilder(STATIC, "css/a.css").build(), new byte[] {1});
    storage.create(BlobInfo.newBuilder(STATIC, "css/b.css").build(), new byte[] {2});
    storage.create(BlobInfo.newBuilder(STATIC, "index.html").build(), new byte[] {3});

    List<String> names = new java.util.ArrayList<>();
    storage.list(STATIC, Storage.BlobListOption.currentDirectory()).iterateAll().forEach(b -> names.add(b.getName()));

    assertThat(names).containsExactlyInAnyOrder("css/", "index.html");
  }

  @Test
  void generationPreconditionFailsWith412() {
    createStaticBucket();
    Blob first = storage.create(BlobInfo.newBuilder(STATIC, "state.json").build(), new byte[] {1});
    storage.create(BlobInfo.newBuilder(STATIC, "state.json").build(), new byte[] {2});

    StorageException stale =
        (StorageException)
            failureOf(() ->
                storage.create(
                    BlobInfo.newBuilder(BlobId.of(STATIC, "state.json", first.getGeneration())).build(),
                    new byte[] {3},
                    Storage.BlobTargetOption.generationMatch()));
    StorageException exists =
        (StorageException)
            failureOf(() -> storage.create(BlobInfo.newBuilder(STATIC, "state.json").build(), new byte[] {3}, Storage.BlobTargetOption.doesNotExist()));

    assertThat(stale.getCode()).isEqualTo(412);
    assertThat(stale.getReason()).isEqualTo("conditionNotMet");
    assertThat(exists.getCode()).isEqualTo(412);
    assertThat(storage.readAllBytes(BlobId.of(STATIC, "state.json"))).containsExactly(2);
  }

  @Test
  void bucketIamAllowsAllUsersWhenInherited() {
    createStaticBucket();
    Policy policy = storage.getIamPolicy(STATIC);

    Policy updated = storage.setIamPolicy(STATIC, policy.toBuilder().addIdentity(StorageRoles.objectViewer(), Identity.allUsers()).build());

    assertThat(updated.getBindings().get(StorageRoles.objectViewer())).contains(Identity.allUsers());
    assertThat(storage.getIamPolicy(STATIC).getBindings().get(StorageRoles.objectViewer())).contains(Identity.allUsers());
  }

  @Test
  void publicAccessPreventionRejectsAllUsers() {
    storage.create(
        BucketInfo.newBuilder("sandbox-project-private")
            .setIamConfiguration(
                BucketInfo.IamConfiguration.newBuilder()
                    .setIsUniformBucketLevelAccessEnabled(true)
                    .setPublicAccessPrevention(BucketInfo.PublicAccessPrevention.ENFORCED)
                    .build())
            .build());
    Policy policy = storage.getIamPolicy("sandbox-project-private");

    StorageException error =
        (StorageException)
            failureOf(() -> storage.setIamPolicy("sandbox-project-private", policy.toBuilder().addIdentity(StorageRoles.objectViewer(), Identity.allUsers()).build()));

    assertThat(error.getCode()).isEqualTo(412);
    assertThat(error.getReason()).isEqualTo("conditionNotMet");
    assertThat(error.getMessage()).contains("public access prevention is enforced");
  }

  @Test
  void organizationPolicyEnforcesPreventionOnInheritingBuckets() {
    createStaticBucket();
    emulator.world().storage().setOrganizationEnforcesPublicAccessPrevention(true);
    Policy policy = storage.getIamPolicy(STATIC);

    StorageException error =
        (StorageException) failureOf(() -> storage.setIamPolicy(STATIC, policy.toBuilder().addIdentity(StorageRoles.objectViewer(), Identity.allUsers()).build()));

    assertThat(error.getCode()).isEqualTo(412);
  }

  @Test
  void disabledStorageApiIsForbidden() {
    emulator.world().services().disable(Apis.STORAGE);

    StorageException error = (StorageException) failureOf(() -> storage.get(STATIC));

    assertThat(error.getCode()).isEqualTo(403);
    assertThat(error.getReason()).isEqualTo("accessNotConfigured");
    assertThat(error.getMessage()).contains("storage.googleapis.com");
    var details = ((com.google.api.client.googleapis.json.GoogleJsonResponseException) error.getCause()).getDetails().getDetails();
    assertThat(details).hasSize(1);
    assertThat(details.get(0).getType()).isEqualTo("type.googleapis.com/google.rpc.ErrorInfo");
    assertThat(details.get(0).getReason()).isEqualTo("SERVICE_DISABLED");
    assertThat(details.get(0).get("metadata").toString()).contains("projects/100000000001");
  }

  @Test
  void testPermissionsReturnsGrantedSubset() {
    createStaticBucket();

    List<Boolean> granted = storage.testIamPermissions(STATIC, List.of("storage.objects.get", "storage.buckets.delete"));

    assertThat(granted).containsExactly(true, true);
  }

  @Test
  void objectMetadataPatch() {
    createStaticBucket();
    Blob created = storage.create(BlobInfo.newBuilder(STATIC, "robots.txt").setContentType("text/plain").build(), new byte[] {1});

    Blob patched = storage.update(created.toBuilder().setContentType("text/plain; charset=utf-8").setMetadata(java.util.Map.of("owner", "web")).build());

    assertThat(patched.getContentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(patched.getMetadata()).containsEntry("owner", "web");
    assertThat(patched.getMetageneration()).isEqualTo(2L);
    assertThat(patched.getGeneration()).isEqualTo(created.getGeneration());
  }

  @Test
  void bucketMetagenerationPreconditionFails() {
    Bucket created = createStaticBucket();
    storage.update(BucketInfo.newBuilder(STATIC).setLabels(java.util.Map.of("a", "1")).build());

    StorageException error =
        (StorageException)
            failureOf(() -> storage.update(created.toBuilder().setLabels(java.util.Map.of("b", "2")).build(), Storage.BucketTargetOption.metagenerationMatch()));

    assertThat(error.getCode()).isEqualTo(412);
  }

  @Test
  void requestLogRecordsStorageCalls() {
    createStaticBucket();
    storage.get("missing-bucket");

    List<RequestRecord> records = emulator.requestLog().records("storage.buckets.*");

    assertThat(records).extracting(RequestRecord::method).containsExactly("storage.buckets.insert", "storage.buckets.get");
    assertThat(records.get(1).httpStatus()).isEqualTo(404);
    assertThat(records.get(1).resource()).isEqualTo("projects/_/buckets/missing-bucket");
  }

  private Bucket createStaticBucket() {
    return storage.create(
        BucketInfo.newBuilder(STATIC)
            .setLocation("southamerica-east1")
            .setVersioningEnabled(true)
            .setIamConfiguration(BucketInfo.IamConfiguration.newBuilder().setIsUniformBucketLevelAccessEnabled(true).build())
            .build());
  }
}
