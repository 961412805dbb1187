package dev.terrace.emulator;

import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import java.util.regex.Pattern;

/**
 * Validates the members of a policy before it is stored, as IAM does: a binding to a service
 * account of this project that does not exist, or is not yet visible, fails with
 * INVALID_ARGUMENT. Accounts of other projects and Google-managed agents are not checked.
 */
public final class MemberChecks {
  private static final Pattern MEMBER =
      Pattern.compile("(allUsers|allAuthenticatedUsers|(user|serviceAccount|group|domain|principal|principalSet|deleted:serviceAccount|projectOwner|projectEditor|projectViewer):.+)");

  private MemberChecks() {}

  public static void validate(World world, Policy policy) {
    for (Binding binding : policy.getBindingsList()) {
      if (!binding.getRole().startsWith("roles/") && !binding.getRole().startsWith("projects/")) {
        throw GrpcErrors.invalidArgument("Role " + binding.getRole() + " is not a valid role name; roles start with roles/.");
      }
      for (String member : binding.getMembersList()) {
        validateMember(world, member);
      }
    }
  }

  private static void validateMember(World world, String member) {
    if (!MEMBER.matcher(member).matches()) {
      throw GrpcErrors.invalidArgument("Invalid member '" + member + "'; use a prefix such as user:, serviceAccount: or group:.");
    }
    String projectDomain = "@" + world.projectId() + ".iam.gserviceaccount.com";
    if (!member.startsWith("serviceAccount:") || !member.endsWith(projectDomain)) {
      return;
    }
    String email = member.substring("serviceAccount:".length());
    if (!world.serviceAccounts().isVisible(email)) {
      throw GrpcErrors.invalidArgument("Service account " + email + " does not exist.");
    }
  }
}
