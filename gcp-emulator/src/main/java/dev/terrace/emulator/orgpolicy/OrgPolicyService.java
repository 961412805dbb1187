package dev.terrace.emulator.orgpolicy;

import static dev.terrace.emulator.Rpc.respond;

import com.google.cloud.orgpolicy.v2.GetEffectivePolicyRequest;
import com.google.cloud.orgpolicy.v2.OrgPolicyGrpc;
import com.google.cloud.orgpolicy.v2.Policy;
import com.google.cloud.orgpolicy.v2.PolicySpec;
import com.google.cloud.orgpolicy.v2.PolicySpec.PolicyRule;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.World;
import io.grpc.stub.StreamObserver;

/**
 * {@code google.cloud.orgpolicy.v2.OrgPolicy}, only GetEffectivePolicy on the emulated project.
 * The one constraint with a setting is {@code storage.publicAccessPrevention}, switched by
 * {@code world.storage().setOrganizationEnforcesPublicAccessPrevention}; every other boolean
 * constraint is reported as not enforced.
 */
public final class OrgPolicyService extends OrgPolicyGrpc.OrgPolicyImplBase {
  static final String PUBLIC_ACCESS_PREVENTION = "storage.publicAccessPrevention";

  private final World world;

  public OrgPolicyService(World world) {
    this.world = world;
  }

  @Override
  public void getEffectivePolicy(GetEffectivePolicyRequest request, StreamObserver<Policy> response) {
    String constraint = constraintOf(request.getName());
    boolean enforced =
        constraint.equals(PUBLIC_ACCESS_PREVENTION)
            && world.storage().organizationEnforcesPublicAccessPrevention();
    Policy policy =
        Policy.newBuilder()
            .setName("projects/" + world.projectNumber() + "/policies/" + constraint)
            .setSpec(PolicySpec.newBuilder().addRules(PolicyRule.newBuilder().setEnforce(enforced)))
            .build();
    respond(response, policy);
  }

  /** Returns the constraint of {@code projects/ID_OR_NUMBER/policies/CONSTRAINT}, or fails like the real API. */
  private String constraintOf(String name) {
    String[] parts = name.split("/");
    if (parts.length != 4 || !parts[0].equals("projects") || !parts[2].equals("policies") || parts[3].isEmpty()) {
      throw GrpcErrors.invalidArgument(
          "Policy name must be projects/PROJECT/policies/CONSTRAINT, got '" + name + "'");
    }
    String project = parts[1];
    if (!project.equals(world.projectId()) && !project.equals(Long.toString(world.projectNumber()))) {
      throw GrpcErrors.permissionDenied("orgpolicy.googleapis.com", "orgpolicy.policy.get", name);
    }
    return parts[3];
  }
}
