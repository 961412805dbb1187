package dev.terrace.emulator.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import dev.terrace.emulator.MemberChecks;
import dev.terrace.emulator.Permissions;
import dev.terrace.emulator.ProtoJson;
import dev.terrace.emulator.World;
import dev.terrace.emulator.http.HttpApiException;
import dev.terrace.emulator.http.HttpRequest;
import dev.terrace.emulator.http.HttpResponse;
import dev.terrace.emulator.storage.StorageState.Bucket;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** Bucket methods of the Cloud Storage JSON API, bucket IAM included. */
final class BucketHandlers {
  // 3 to 63 lowercase letters, digits, dashes, underscores and dots; starts and ends with a letter or digit.
  private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]");
  private static final List<String> PUBLIC_MEMBERS = List.of("allUsers", "allAuthenticatedUsers");
  private static final AtomicLong POLICY_VERSION = new AtomicLong(1);

  private final World world;
  private final StorageState state;

  BucketHandlers(World world) {
    this.world = world;
    this.state = world.storage();
  }

  HttpResponse insert(HttpRequest request) {
    requireThisProject(request.queryParam("project").orElseThrow(() -> HttpApiException.badRequest("Required parameter: project")));
    ObjectNode body = request.jsonBody();
    String name = body.path("name").asText("");
    if (!BUCKET_NAME.matcher(name).matches() || name.contains("..") || name.startsWith("goog")) {
      throw HttpApiException.badRequest("Invalid bucket name: '" + name + "'");
    }
    if (world.config().takenBucketNames().contains(name)) {
      throw HttpApiException.conflict(
          "The requested bucket name is not available: bucket names are shared by all projects and another project"
              + " uses this one. Choose a different name.");
    }
    return world.write(() -> {
      if (state.bucket(name).isPresent()) {
        throw HttpApiException.conflict("Your previous request to create the named bucket succeeded and you already own it.");
      }
      ObjectNode metadata = newBucketMetadata(name, body);
      state.putBucket(name, StorageState.newBucket(metadata, defaultPolicy(name)));
      return HttpResponse.ok(metadata);
    });
  }

  HttpResponse list(HttpRequest request) {
    requireThisProject(request.queryParam("project").orElseThrow(() -> HttpApiException.badRequest("Required parameter: project")));
    String prefix = request.queryParam("prefix").orElse("");
    List<JsonNode> items = new ArrayList<>();
    for (Bucket bucket : state.buckets()) {
      if (bucket.metadata().get("name").asText().startsWith(prefix)) {
        items.add(bucket.metadata());
      }
    }
    return HttpResponse.ok(StoragePaging.page("storage#buckets", items, request));
  }

  HttpResponse get(HttpRequest request) {
    Bucket bucket = find(request.pathParam("bucket"));
    checkMetageneration(bucket, request);
    return HttpResponse.ok(bucket.metadata());
  }

  HttpResponse patch(HttpRequest request) {
    ObjectNode body = request.jsonBody();
    return world.write(() -> {
      Bucket bucket = find(request.pathParam("bucket"));
      checkMetageneration(bucket, request);
      ObjectNode changed = bucket.metadata().deepCopy();
      StorageJson.mergePatch(changed, withoutServerFields(body));
      bucket.metadata = touch(changed);
      return HttpResponse.ok(bucket.metadata());
    });
  }

  HttpResponse update(HttpRequest request) {
    ObjectNode body = request.jsonBody();
    return world.write(() -> {
      Bucket bucket = find(request.pathParam("bucket"));
      checkMetageneration(bucket, request);
      ObjectNode replaced = newBucketMetadata(bucket.metadata().get("name").asText(), body);
      for (String kept : List.of("id", "selfLink", "projectNumber", "timeCreated", "metageneration", "location", "locationType")) {
        replaced.set(kept, bucket.metadata().get(kept));
      }
      bucket.metadata = touch(replaced);
      return HttpResponse.ok(bucket.metadata());
    });
  }

  HttpResponse delete(HttpRequest request) {
    return world.write(() -> {
      Bucket bucket = find(request.pathParam("bucket"));
      checkMetageneration(bucket, request);
      if (!bucket.objects().isEmpty()) {
        throw HttpApiException.conflict("The bucket you tried to delete is not empty.");
      }
      state.removeBucket(request.pathParam("bucket"));
      return HttpResponse.noContent();
    });
  }

  HttpResponse getIamPolicy(HttpRequest request) {
    return HttpResponse.ok(find(request.pathParam("bucket")).policy());
  }

  HttpResponse setIamPolicy(HttpRequest request) {
    ObjectNode body = request.jsonBody();
    return world.write(() -> {
      Bucket bucket = find(request.pathParam("bucket"));
      String currentEtag = bucket.policy().path("etag").asText();
      String requestedEtag = body.path("etag").asText("");
      if (!requestedEtag.isEmpty() && !requestedEtag.equals(currentEtag)) {
        throw HttpApiException.preconditionFailed("At least one of the pre-conditions you specified did not hold.", "If-Match");
      }
      validateMembers(bucket, body);
      ObjectNode stored = ProtoJson.MAPPER.createObjectNode();
      stored.put("kind", "storage#policy");
      stored.put("resourceId", "projects/_/buckets/" + request.pathParam("bucket"));
      stored.put("version", body.path("version").asInt(1));
      stored.put("etag", newPolicyEtag());
      stored.set("bindings", body.path("bindings").isArray() ? body.get("bindings").deepCopy() : ProtoJson.MAPPER.createArrayNode());
      bucket.policy = stored;
      return HttpResponse.ok(stored);
    });
  }

  HttpResponse testIamPermissions(HttpRequest request) {
    Bucket bucket = find(request.pathParam("bucket"));
    Policy policy = toProto(bucket.policy());
    ObjectNode result = ProtoJson.MAPPER.createObjectNode();
    result.put("kind", "storage#testIamPermissionsResponse");
    ArrayNode granted = result.putArray("permissions");
    List<String> requested = request.query().getOrDefault("permissions", List.of());
    Permissions.grantedSubset(world.caller(), requested, world.project().policy(), policy).forEach(granted::add);
    return HttpResponse.ok(result);
  }

  /**
   * Rejects public members while public access prevention is enforced (on the bucket, or by the
   * organization policy when the bucket inherits), and service accounts that do not exist.
   */
  private void validateMembers(Bucket bucket, ObjectNode body) {
    boolean preventPublic = publicAccessPrevented(bucket);
    for (JsonNode binding : body.path("bindings")) {
      for (JsonNode member : binding.path("members")) {
        if (preventPublic && PUBLIC_MEMBERS.contains(member.asText())) {
          throw HttpApiException.preconditionFailed(
              "The members allUsers and allAuthenticatedUsers cannot be bound because public access prevention is"
                  + " enforced on this bucket.",
              "If-Match");
        }
      }
    }
    try {
      MemberChecks.validate(world, toProto(body));
    } catch (StatusRuntimeException e) {
      throw HttpApiException.badRequest(e.getStatus().getDescription());
    }
  }

  private boolean publicAccessPrevented(Bucket bucket) {
    String setting = bucket.metadata().path("iamConfiguration").path("publicAccessPrevention").asText("inherited");
    if (setting.equals("enforced")) {
      return true;
    }
    return !setting.equals("unspecified") && state.organizationEnforcesPublicAccessPrevention();
  }

  private ObjectNode newBucketMetadata(String name, ObjectNode body) {
    Instant now = world.clock().instant();
    ObjectNode metadata = withoutServerFields(body);
    metadata.put("kind", "storage#bucket");
    metadata.put("id", name);
    metadata.put("selfLink", "http://127.0.0.1/storage/v1/b/" + name);
    metadata.put("projectNumber", String.valueOf(world.projectNumber()));
    metadata.put("name", name);
    metadata.put("timeCreated", StorageJson.time(now));
    metadata.put("updated", StorageJson.time(now));
    metadata.put("metageneration", "1");
    String location = body.path("location").asText("US").toUpperCase(Locale.ROOT);
    metadata.put("location", location);
    metadata.put("locationType", location.contains("-") ? "region" : "multi-region");
    if (!metadata.hasNonNull("storageClass")) {
      metadata.put("storageClass", "STANDARD");
    }
    ObjectNode iam = metadata.has("iamConfiguration") ? (ObjectNode) metadata.get("iamConfiguration") : metadata.putObject("iamConfiguration");
    boolean uniform = iam.path("uniformBucketLevelAccess").path("enabled").asBoolean(iam.path("bucketPolicyOnly").path("enabled").asBoolean(false));
    iam.putObject("uniformBucketLevelAccess").put("enabled", uniform);
    iam.putObject("bucketPolicyOnly").put("enabled", uniform);
    if (!iam.hasNonNull("publicAccessPrevention")) {
      iam.put("publicAccessPrevention", "inherited");
    }
    metadata.put("etag", "CAE=");
    return metadata;
  }

  private static ObjectNode withoutServerFields(ObjectNode body) {
    ObjectNode copy = body.deepCopy();
    copy.remove(List.of("kind", "id", "selfLink", "projectNumber", "timeCreated", "updated", "metageneration", "etag"));
    return copy;
  }

  private ObjectNode touch(ObjectNode metadata) {
    long next = metadata.path("metageneration").asLong(1) + 1;
    metadata.put("metageneration", String.valueOf(next));
    metadata.put("updated", StorageJson.time(world.clock().instant()));
    metadata.put("etag", java.util.Base64.getEncoder().encodeToString(("C" + next).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return metadata;
  }

  private ObjectNode defaultPolicy(String bucket) {
    ObjectNode policy = ProtoJson.MAPPER.createObjectNode();
    policy.put("kind", "storage#policy");
    policy.put("resourceId", "projects/_/buckets/" + bucket);
    policy.put("version", 1);
    policy.put("etag", newPolicyEtag());
    ArrayNode bindings = policy.putArray("bindings");
    String project = world.projectNumber() + "";
    ObjectNode owners = bindings.addObject();
    owners.put("role", "roles/storage.legacyBucketOwner");
    owners.putArray("members").add("projectEditor:" + project).add("projectOwner:" + project);
    ObjectNode readers = bindings.addObject();
    readers.put("role", "roles/storage.legacyBucketReader");
    readers.putArray("members").add("projectViewer:" + project);
    return policy;
  }

  private static String newPolicyEtag() {
    return java.util.Base64.getEncoder().encodeToString(("CA" + POLICY_VERSION.incrementAndGet()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static Policy toProto(JsonNode policy) {
    Policy.Builder proto = Policy.newBuilder();
    for (JsonNode binding : policy.path("bindings")) {
      Binding.Builder converted = Binding.newBuilder().setRole(binding.path("role").asText());
      binding.path("members").forEach(m -> converted.addMembers(m.asText()));
      proto.addBindings(converted);
    }
    return proto.build();
  }

  /**
   * Returns the bucket, or fails as Cloud Storage does: 404 for a free name, and 403 for a name in
   * another customer's project, because that bucket exists but the caller may not read it.
   */
  private Bucket find(String name) {
    return state.bucket(name).orElseThrow(() -> {
      if (world.config().takenBucketNames().contains(name)) {
        String caller = world.caller().substring(world.caller().indexOf(':') + 1);
        return new HttpApiException(403, "forbidden", caller + " does not have storage.buckets.get access to the"
            + " Google Cloud Storage bucket. Permission 'storage.buckets.get' denied on resource (or it may not"
            + " exist).");
      }
      return HttpApiException.notFound("The specified bucket does not exist.");
    });
  }

  private void requireThisProject(String project) {
    if (!world.project().isThisProject("projects/" + project)) {
      throw HttpApiException.notFound("The requested project was not found.");
    }
  }

  private static void checkMetageneration(Bucket bucket, HttpRequest request) {
    long current = bucket.metadata().path("metageneration").asLong();
    request.longParam("ifMetagenerationMatch").ifPresent(expected -> {
      if (expected != current) {
        throw HttpApiException.preconditionFailed("At least one of the pre-conditions you specified did not hold.", "If-Metageneration-Match");
      }
    });
    request.longParam("ifMetagenerationNotMatch").ifPresent(expected -> {
      if (expected == current) {
        throw new HttpApiException(304, "notModified", "Not Modified");
      }
    });
  }
}
