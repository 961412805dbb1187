package dev.terrace.emulator.iam;

import static dev.terrace.emulator.support.Calls.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.iam.admin.v1.IAMClient;
import com.google.cloud.iam.admin.v1.IAMSettings;
import com.google.iam.admin.v1.CreateServiceAccountRequest;
import com.google.iam.admin.v1.PatchServiceAccountRequest;
import com.google.iam.admin.v1.ServiceAccount;
import com.google.iam.admin.v1.UndeleteServiceAccountRequest;
import com.google.iam.v1.Binding;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.protobuf.FieldMask;
import dev.terrace.emulator.Apis;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.emulator.support.Clients;
import io.grpc.Status;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceAccountsTest {
  private static final String PROJECT = "projects/sandbox-project";
  private static final String RUN_EMAIL = "app-run@sandbox-project.iam.gserviceaccount.com";

  private Emulator emulator;
  private IAMClient iam;

  @BeforeEach
  void start() throws Exception {
    emulator =
        Emulator.start(
            EmulatorConfig.builder()
                .enabledServices(Set.of(Apis.IAM))
                .serviceAccountVisibilityDelay(Duration.ofSeconds(30))
                .build());
    iam = IAMClient.create(IAMSettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials()).build());
  }

  @AfterEach
  void stop() {
    iam.close();
    emulator.close();
  }

  @Test
  void createGetListPatchDeleteUndelete() {
    ServiceAccount created = create("app-run", "App runtime");
    emulator.clock().advance(Duration.ofSeconds(31));

    ServiceAccount fetched = iam.getServiceAccount(PROJECT + "/serviceAccounts/" + RUN_EMAIL);
    assertThat(created.getEmail()).isEqualTo(RUN_EMAIL);
    assertThat(created.getUniqueId()).hasSize(21);
    assertThat(fetched).isEqualTo(created);
    assertThat(iam.listServiceAccounts(PROJECT).iterateAll()).extracting(ServiceAccount::getEmail).containsExactly(RUN_EMAIL);

    ServiceAccount patched =
        iam.patchServiceAccount(
            PatchServiceAccountRequest.newBuilder()
                .setServiceAccount(fetched.toBuilder().setDisplayName("Runtime of the app"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("display_name"))
                .build());
    assertThat(patched.getDisplayName()).isEqualTo("Runtime of the app");

    iam.deleteServiceAccount(PROJECT + "/serviceAccounts/" + RUN_EMAIL);
    Throwable deleted = failureOf(() -> iam.getServiceAccount(PROJECT + "/serviceAccounts/" + RUN_EMAIL));
    assertThat(Clients.statusOf(deleted).getCode()).isEqualTo(Status.Code.NOT_FOUND);

    var restored =
        iam.undeleteServiceAccount(UndeleteServiceAccountRequest.newBuilder().setName("projects/-/serviceAccounts/" + created.getUniqueId()).build());
    assertThat(restored.getRestoredAccount().getEmail()).isEqualTo(RUN_EMAIL);
    assertThat(iam.getServiceAccount(PROJECT + "/serviceAccounts/" + RUN_EMAIL).getEmail()).isEqualTo(RUN_EMAIL);
  }

  @Test
  void newAccountIsNotVisibleAtFirst() {
    create("app-worker", "Worker");

    Throwable error = failureOf(() -> iam.getServiceAccount(PROJECT + "/serviceAccounts/app-worker@sandbox-project.iam.gserviceaccount.com"));

    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(Clients.errorInfo(error).orElseThrow().getReason()).isEqualTo("IAM_PERMISSION_DENIED");
    assertThat(iam.listServiceAccounts(PROJECT).iterateAll()).isEmpty();
    emulator.clock().advance(Duration.ofSeconds(31));
    assertThat(iam.getServiceAccount(PROJECT + "/serviceAccounts/app-worker@sandbox-project.iam.gserviceaccount.com").getDisplayName()).isEqualTo("Worker");
  }

  @Test
  void duplicateAccountIdIsAlreadyExists() {
    create("app-run", "first");

    Throwable error = failureOf(() -> create("app-run", "second"));

    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
  }

  @Test
  void invalidAccountIdIsRejected() {
    Throwable error = failureOf(() -> create("Bad_Name", "x"));

    assertThat(Clients.statusOf(error).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void accountPolicyGrantsActAs() {
    create("app-run", "runtime");
    emulator.clock().advance(Duration.ofSeconds(31));
    String resource = PROJECT + "/serviceAccounts/" + RUN_EMAIL;
    Policy read = iam.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(resource).build());
    Policy changed =
        read.toBuilder().addBindings(Binding.newBuilder().setRole("roles/iam.serviceAccountUser").addMembers("user:deployer@example.com")).build();

    iam.setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(resource).setPolicy(changed).build());

    assertThat(emulator.world().mayActAs("user:deployer@example.com", RUN_EMAIL)).isTrue();
    assertThat(emulator.world().mayActAs("user:stranger@example.com", RUN_EMAIL)).isFalse();
    assertThat(emulator.world().mayActAs("user:sandbox-owner@example.com", RUN_EMAIL)).isTrue();
  }

  private ServiceAccount create(String accountId, String displayName) {
    return iam.createServiceAccount(
        CreateServiceAccountRequest.newBuilder()
            .setName(PROJECT)
            .setAccountId(accountId)
            .setServiceAccount(ServiceAccount.newBuilder().setDisplayName(displayName))
            .build());
  }
}
