package dev.terrace.gcp.driver;

import com.google.api.gax.rpc.UnaryCallable;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The IAM policy of a Cloud Run service or job, whose clients share the same IAM methods. */
final class RunIamPolicies {

    private RunIamPolicies() {
    }

    static Map<String, List<String>> read(String object, String name, UnaryCallable<GetIamPolicyRequest, Policy> get) {
        return ResourcePolicy.roles(Calls.call("read the IAM policy of " + object, () -> get.call(
                GetIamPolicyRequest.newBuilder().setResource(name).build())));
    }

    static void write(String object, String name, UnaryCallable<GetIamPolicyRequest, Policy> get,
            UnaryCallable<SetIamPolicyRequest, Policy> set, Map<String, List<String>> desired,
            Set<String> previouslyOwned) {
        if (desired.isEmpty() && previouslyOwned.isEmpty()) {
            return;
        }
        ResourcePolicy.write("set the IAM policy of " + object,
                () -> get.call(GetIamPolicyRequest.newBuilder().setResource(name).build()),
                policy -> set.call(SetIamPolicyRequest.newBuilder().setResource(name).setPolicy(policy).build()),
                desired, previouslyOwned);
    }
}
