package dev.terrace.emulator.run;

import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.iam.v1.TestIamPermissionsResponse;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.IamPolicies;
import dev.terrace.emulator.Permissions;

/** The IAM policy methods of Cloud Run services and jobs, with etags. */
final class RunIam {

  private final RunContext run;

  RunIam(RunContext run) {
    this.run = run;
  }

  Policy get(GetIamPolicyRequest request, String collection) {
    String name = RunNames.parse(request.getResource(), collection).name();
    return run.world.read(() -> requirePolicy(name));
  }

  Policy set(SetIamPolicyRequest request, String collection) {
    String name = RunNames.parse(request.getResource(), collection).name();
    return run.world.write(() -> {
      Policy stored = IamPolicies.replace(requirePolicy(name), request.getPolicy());
      run.store.policies.put(name, stored);
      return stored;
    });
  }

  /** Returns the requested permissions the caller has on the resource or on the project. */
  TestIamPermissionsResponse test(TestIamPermissionsRequest request, String collection) {
    String name = RunNames.parse(request.getResource(), collection).name();
    return run.world.read(() -> {
      Policy policy = requirePolicy(name);
      TestIamPermissionsResponse.Builder granted = TestIamPermissionsResponse.newBuilder();
      for (String permission : request.getPermissionsList()) {
        if (Permissions.granted(run.world.caller(), permission, policy) || run.world.projectGrants(run.world.caller(), permission)) {
          granted.addPermissions(permission);
        }
      }
      return granted.build();
    });
  }

  private Policy requirePolicy(String name) {
    Policy policy = run.store.policies.get(name);
    if (policy == null) {
      throw GrpcErrors.notFound("Resource '" + RunNames.lastSegment(name) + "' does not exist.");
    }
    return policy;
  }
}
