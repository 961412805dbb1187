package dev.terrace.emulator.orgpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.cloud.orgpolicy.v2.OrgPolicyClient;
import com.google.cloud.orgpolicy.v2.OrgPolicySettings;
import com.google.cloud.orgpolicy.v2.Policy;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.run.Sandbox;
import dev.terrace.emulator.support.Clients;
import io.grpc.Status;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrgPolicyTest {
  private static final String POLICY = "projects/" + Sandbox.PROJECT + "/policies/storage.publicAccessPrevention";

  private Emulator emulator;
  private OrgPolicyClient policies;

  @BeforeEach
  void start() throws IOException {
    emulator = Emulator.start(Sandbox.config().build());
    policies = OrgPolicyClient.create(OrgPolicySettings.newBuilder()
        .setCredentialsProvider(Clients.noCredentials())
        .setTransportChannelProvider(Clients.channel(emulator)).build());
  }

  @AfterEach
  void stop() {
    policies.close();
    emulator.close();
  }

  @Test
  void preventionOffByDefault() {
    Policy policy = policies.getEffectivePolicy(POLICY);

    assertThat(policy.getSpec().getRules(0).getEnforce()).isFalse();
  }

  @Test
  void preventionFollowsOrganizationSwitch() {
    emulator.world().storage().setOrganizationEnforcesPublicAccessPrevention(true);

    Policy policy = policies.getEffectivePolicy(POLICY);

    assertThat(policy.getSpec().getRules(0).getEnforce()).isTrue();
    assertThat(policy.getName()).endsWith("/policies/storage.publicAccessPrevention");
  }

  @Test
  void otherProjectPolicyIsDenied() {
    Throwable failure = catchThrowable(
        () -> policies.getEffectivePolicy("projects/other-project/policies/storage.publicAccessPrevention"));

    assertThat(Clients.statusOf(failure).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }
}
