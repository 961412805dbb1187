package dev.terrace.emulator.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.resourcemanager.v3.Project;
import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import com.google.protobuf.Timestamp;
import dev.terrace.emulator.IamPolicies;
import dev.terrace.emulator.Permissions;
import dev.terrace.emulator.ProtoJson;
import dev.terrace.emulator.StateSection;
import dev.terrace.emulator.World;
import java.time.Instant;

/** The one project and its IAM policy. The caller starts as its owner, like a project's creator. */
public final class ProjectState implements StateSection {
  private final World world;
  private Project project;
  private Policy policy;

  public ProjectState(World world) {
    this.world = world;
    Instant now = Instant.now();
    this.project =
        Project.newBuilder()
            .setName("projects/" + world.projectNumber())
            .setProjectId(world.projectId())
            .setDisplayName(world.projectId())
            .setState(Project.State.ACTIVE)
            .setCreateTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()))
            .setUpdateTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()))
            .setEtag("W/\"" + Long.toHexString(now.toEpochMilli()) + "\"")
            .build();
    this.policy =
        IamPolicies.empty().toBuilder()
            .addBindings(Binding.newBuilder().setRole(Permissions.OWNER).addMembers(world.caller()))
            .build();
  }

  public Project project() {
    return world.read(() -> project);
  }

  /** Returns whether the name is this project's {@code projects/ID} or {@code projects/NUMBER}. */
  public boolean isThisProject(String name) {
    return name.equals("projects/" + world.projectId()) || name.equals("projects/" + world.projectNumber());
  }

  public Policy policy() {
    return world.read(() -> policy);
  }

  /** Stores a setIamPolicy request; fails with ABORTED on a stale etag. */
  public Policy setPolicy(Policy requested) {
    return world.write(() -> {
      policy = IamPolicies.replace(policy, requested);
      return policy;
    });
  }

  @Override
  public String sectionName() {
    return "project";
  }

  @Override
  public JsonNode save() {
    ObjectNode saved = ProtoJson.MAPPER.createObjectNode();
    saved.set("project", ProtoJson.toJson(project));
    saved.set("policy", ProtoJson.toJson(policy));
    return saved;
  }

  @Override
  public void load(JsonNode saved) {
    project = ProtoJson.fromJson(saved.get("project"), Project.newBuilder());
    policy = ProtoJson.fromJson(saved.get("policy"), Policy.newBuilder());
  }
}
