package dev.terrace.emulator.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.emulator.ProtoJson;
import dev.terrace.emulator.StateSection;
import dev.terrace.emulator.World;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Cloud Storage buckets and objects, kept in the JSON API's own resource shape. Only the live
 * generation of each object is kept.
 */
public final class StorageState implements StateSection {
  private final World world;
  private final Map<String, Bucket> buckets = new TreeMap<>();
  private boolean organizationEnforcesPublicAccessPrevention;

  /** One bucket: its metadata, its IAM policy and its objects by name. */
  public static final class Bucket {
    ObjectNode metadata;
    ObjectNode policy;
    final Map<String, StoredObject> objects = new TreeMap<>();

    public ObjectNode metadata() {
      return metadata;
    }

    public ObjectNode policy() {
      return policy;
    }

    public Map<String, StoredObject> objects() {
      return objects;
    }
  }

  /**
   * One object: its metadata and content.
   *
   * @param metadata the JSON API object resource
   * @param content the object's bytes
   */
  public record StoredObject(ObjectNode metadata, byte[] content) {
    public long generation() {
      return metadata.path("generation").asLong();
    }

    public long metageneration() {
      return metadata.path("metageneration").asLong();
    }
  }

  public StorageState(World world) {
    this.world = world;
  }

  public World world() {
    return world;
  }

  public Optional<Bucket> bucket(String name) {
    return world.read(() -> Optional.ofNullable(buckets.get(name)));
  }

  public List<Bucket> buckets() {
    return world.read(() -> new ArrayList<>(buckets.values()));
  }

  public void putBucket(String name, Bucket bucket) {
    world.update(() -> buckets.put(name, bucket));
  }

  public void removeBucket(String name) {
    world.update(() -> buckets.remove(name));
  }

  /** Returns whether the organization policy enforces public access prevention on every bucket. */
  public boolean organizationEnforcesPublicAccessPrevention() {
    return world.read(() -> organizationEnforcesPublicAccessPrevention);
  }

  /**
   * Sets the organization policy {@code constraints/storage.publicAccessPrevention}; when on,
   * buckets whose setting is {@code inherited} refuse {@code allUsers} too.
   */
  public void setOrganizationEnforcesPublicAccessPrevention(boolean enforced) {
    world.update(() -> organizationEnforcesPublicAccessPrevention = enforced);
  }

  static Bucket newBucket(ObjectNode metadata, ObjectNode policy) {
    Bucket bucket = new Bucket();
    bucket.metadata = metadata;
    bucket.policy = policy;
    return bucket;
  }

  @Override
  public String sectionName() {
    return "storage";
  }

  @Override
  public JsonNode save() {
    ObjectNode saved = ProtoJson.MAPPER.createObjectNode();
    saved.put("organizationEnforcesPublicAccessPrevention", organizationEnforcesPublicAccessPrevention);
    ArrayNode bucketArray = saved.putArray("buckets");
    for (Bucket bucket : buckets.values()) {
      ObjectNode node = bucketArray.addObject();
      node.set("metadata", bucket.metadata);
      node.set("policy", bucket.policy);
      ArrayNode objectArray = node.putArray("objects");
      for (StoredObject object : bucket.objects.values()) {
        ObjectNode objectNode = objectArray.addObject();
        objectNode.set("metadata", object.metadata());
        objectNode.put("content", Base64.getEncoder().encodeToString(object.content()));
      }
    }
    return saved;
  }

  @Override
  public void load(JsonNode saved) {
    buckets.clear();
    organizationEnforcesPublicAccessPrevention = saved.path("organizationEnforcesPublicAccessPrevention").asBoolean(false);
    for (JsonNode node : saved.path("buckets")) {
      Bucket bucket = newBucket((ObjectNode) node.get("metadata"), (ObjectNode) node.get("policy"));
      for (JsonNode objectNode : node.path("objects")) {
        ObjectNode metadata = (ObjectNode) objectNode.get("metadata");
        byte[] content = Base64.getDecoder().decode(objectNode.path("content").asText(""));
        bucket.objects.put(metadata.get("name").asText(), new StoredObject(metadata, content));
      }
      buckets.put(bucket.metadata.get("name").asText(), bucket);
    }
  }
}
