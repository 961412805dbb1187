package dev.terrace.emulator.secretmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.iam.v1.Policy;
import com.google.protobuf.ByteString;
import dev.terrace.emulator.IamPolicies;
import dev.terrace.emulator.ProtoJson;
import dev.terrace.emulator.StateSection;
import dev.terrace.emulator.World;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets, their versions with payloads, and their IAM policies. Names are stored as the real
 * service returns them, with the project number ({@code projects/NUMBER/secrets/ID}); lookups take
 * the project id too.
 */
public final class SecretManagerState implements StateSection {
  private static final Pattern SECRET_NAME = Pattern.compile("projects/([^/]+)/secrets/([^/]+)");

  private final World world;
  private final Map<String, Entry> secrets = new LinkedHashMap<>();

  /** One secret with its versions, oldest first, and its policy. */
  public static final class Entry {
    Secret secret;
    final List<Version> versions = new ArrayList<>();
    Policy policy;

    public Secret secret() {
      return secret;
    }

    public List<Version> versions() {
      return versions;
    }

    public Policy policy() {
      return policy;
    }

    /** Returns the most recently created version, whatever its state: the {@code latest} alias. */
    public Optional<Version> latest() {
      return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** Returns the version by number or the {@code latest} alias. */
    public Optional<Version> version(String id) {
      if (id.equals("latest")) {
        return latest();
      }
      return versions.stream().filter(v -> v.id().equals(id)).findFirst();
    }
  }

  /** One version: its metadata and, until destroyed, its payload. */
  public static final class Version {
    SecretVersion metadata;
    ByteString payload;

    public SecretVersion metadata() {
      return metadata;
    }

    public ByteString payload() {
      return payload;
    }

    public String id() {
      String name = metadata.getName();
      return name.substring(name.lastIndexOf('/') + 1);
    }
  }

  public SecretManagerState(World world) {
    this.world = world;
  }

  /** Returns {@code projects/NUMBER/secrets/ID}. */
  public String secretName(String secretId) {
    return "projects/" + world.projectNumber() + "/secrets/" + secretId;
  }

  /**
   * Returns the secret id of a name in this project ({@code projects/ID-or-NUMBER/secrets/S}), or
   * empty when the name is malformed or names another project.
   */
  public Optional<String> secretIdOf(String name) {
    Matcher parts = SECRET_NAME.matcher(name);
    if (!parts.matches() || !world.project().isThisProject("projects/" + parts.group(1))) {
      return Optional.empty();
    }
    return Optional.of(parts.group(2));
  }

  /** Finds a secret by any form of its name. */
  public Optional<Entry> find(String name) {
    return secretIdOf(name).flatMap(id -> world.read(() -> Optional.ofNullable(secrets.get(id))));
  }

  public List<Entry> all() {
    return world.read(() -> new ArrayList<>(secrets.values()));
  }

  public Entry create(String secretId, Secret secret) {
    return world.write(() -> {
      Entry entry = new Entry();
      entry.secret = secret;
      entry.policy = IamPolicies.empty();
      secrets.put(secretId, entry);
      return entry;
    });
  }

  public void delete(String secretId) {
    world.update(() -> secrets.remove(secretId));
  }

  public void replaceSecret(Entry entry, Secret secret) {
    world.update(() -> entry.secret = secret);
  }

  public Version addVersion(Entry entry, SecretVersion metadata, ByteString payload) {
    return world.write(() -> {
      Version version = new Version();
      version.metadata = metadata;
      version.payload = payload;
      entry.versions.add(version);
      return version;
    });
  }

  public void replaceVersion(Version version, SecretVersion metadata, boolean dropPayload) {
    world.update(() -> {
      version.metadata = metadata;
      if (dropPayload) {
        version.payload = ByteString.EMPTY;
      }
    });
  }

  /** Returns the secret's IAM policy, or empty when there is no such secret. */
  public Optional<Policy> policyOf(String secretName) {
    return find(secretName).map(e -> world.read(() -> e.policy));
  }

  /** Stores a setIamPolicy request; fails with ABORTED on a stale etag. */
  public Policy setPolicy(Entry entry, Policy requested) {
    return world.write(() -> {
      entry.policy = IamPolicies.replace(entry.policy, requested);
      return entry.policy;
    });
  }

  /**
   * Returns whether the version ({@code latest} or a number) exists and is ENABLED, which is what
   * a Cloud Run revision needs to start with the secret.
   */
  public boolean hasEnabledVersion(String secretName, String versionId) {
    return find(secretName)
        .flatMap(e -> world.read(() -> e.version(versionId)))
        .map(v -> v.metadata.getState() == SecretVersion.State.ENABLED)
        .orElse(false);
  }

  @Override
  public String sectionName() {
    return "secretManager";
  }

  @Override
  public JsonNode save() {
    ArrayNode saved = ProtoJson.MAPPER.createArrayNode();
    for (Map.Entry<String, Entry> pair : secrets.entrySet()) {
      ObjectNode node = saved.addObject();
      node.put("id", pair.getKey());
      node.set("secret", ProtoJson.toJson(pair.getValue().secret));
      node.set("policy", ProtoJson.toJson(pair.getValue().policy));
      ArrayNode versions = node.putArray("versions");
      for (Version version : pair.getValue().versions) {
        ObjectNode versionNode = versions.addObject();
        versionNode.set("metadata", ProtoJson.toJson(version.metadata));
        versionNode.put("payload", Base64.getEncoder().encodeToString(version.payload.toByteArray()));
      }
    }
    return saved;
  }

  @Override
  public void load(JsonNode saved) {
    secrets.clear();
    for (JsonNode node : saved) {
      Entry entry = new Entry();
      entry.secret = ProtoJson.fromJson(node.get("secret"), Secret.newBuilder());
      entry.policy = ProtoJson.fromJson(node.get("policy"), Policy.newBuilder());
      for (JsonNode versionNode : node.path("versions")) {
        Version version = new Version();
        version.metadata = ProtoJson.fromJson(versionNode.get("metadata"), SecretVersion.newBuilder());
        version.payload = ByteString.copyFrom(Base64.getDecoder().decode(versionNode.path("payload").asText("")));
        entry.versions.add(version);
      }
      secrets.put(node.get("id").asText(), entry);
    }
  }
}
