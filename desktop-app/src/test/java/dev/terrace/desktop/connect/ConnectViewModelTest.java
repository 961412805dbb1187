package dev.terrace.desktop.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.stack.Settings;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.desktop.task.UiExecutor;
import dev.terrace.gcp.connection.AdcLocator;
import dev.terrace.gcp.connection.VisibleProject;
import dev.terrace.session.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connect dialog's behaviour without a robot: credentials come from fake files in a temp
 * folder, and a fake connector replaces Google.
 */
class ConnectViewModelTest {

    private static final Path STACK = Path.of("..", "examples", "guide", "terrace.yaml").toAbsolutePath().normalize();
    private static final Settings SETTINGS = new Settings("mycoolproject", "mycoolproject-prod", "southamerica-east1",
            "mycoolproject", null, null, null, null, null);

    @TempDir
    Path home;

    private BackgroundRunner runner;
    private FakeConnector connector;
    private final List<Workspace> switched = new ArrayList<>();

    @BeforeEach
    void start() {
        runner = new BackgroundRunner(1, UiExecutor.INLINE);
        connector = new FakeConnector(home.resolve("state"));
    }

    @AfterEach
    void stop() {
        switched.forEach(Workspace::close);
        runner.close();
    }

    @Test
    void keyFileIsDetected() throws Exception {
        Path key = write("key.json", "{\"type\":\"service_account\",\"client_email\":\"ci@mycoolproject-prod.iam.gserviceaccount.com\","
                + "\"private_key\":\"not-a-key\"}");
        ConnectViewModel viewModel = open(Map.of("GOOGLE_APPLICATION_CREDENTIALS", key.toString()));

        assertThat(viewModel.credentialsKindProperty().get()).startsWith("Service account key file")
                .contains("GOOGLE_APPLICATION_CREDENTIALS");
        assertThat(viewModel.credentialsFileProperty().get()).isEqualTo(key.toString());
        assertThat(viewModel.principalProperty().get()).contains("ci@mycoolproject-prod.iam.gserviceaccount.com");
        assertThat(viewModel.credentialsProblemProperty().get()).isEmpty();
        assertThat(viewModel.connectDisabledBinding().get()).isFalse();
    }

    @Test
    void federationFileIsDetected() throws Exception {
        Path file = write("federation.json", "{\"type\":\"external_account\",\"audience\":\"//iam.googleapis.com/projects/1/"
                + "locations/global/workloadIdentityPools/github-pool/providers/github-provider\","
                + "\"service_account_impersonation_url\":\"https://iamcredentials.googleapis.com/v1/projects/-/"
                + "serviceAccounts/deployer@mycoolproject-prod.iam.gserviceaccount.com:generateAccessToken\"}");
        ConnectViewModel viewModel = open(Map.of("GOOGLE_APPLICATION_CREDENTIALS", file.toString()));

        assertThat(viewModel.credentialsKindProperty().get()).contains("external_account");
        assertThat(viewModel.principalProperty().get()).contains("deployer@mycoolproject-prod.iam.gserviceaccount.com");
        assertThat(viewModel.credentialsProblemProperty().get()).isEmpty();
    }

    @Test
    void gcloudUserWithoutQuotaProjectWarns() throws Exception {
        writeGcloudFile("{\"type\":\"authorized_user\",\"client_id\":\"id\",\"refresh_token\":\"not-a-token\"}");
        ConnectViewModel viewModel = open(Map.of());

        assertThat(viewModel.credentialsKindProperty().get()).startsWith("gcloud user credentials");
        assertThat(viewModel.quotaProjectProperty().get()).isEmpty();
        assertThat(viewModel.warnings()).anySatisfy(warning -> assertThat(warning)
                .contains("no quota project").contains("gcloud auth application-default set-quota-project"));
        assertThat(viewModel.connectDisabledBinding().get()).isFalse();

        viewModel.quotaProjectProperty().set("billing-project");

        assertThat(viewModel.warnings()).noneSatisfy(warning -> assertThat(warning).contains("no quota project"));
    }

    @Test
    void quotaProjectDefaultsFromCredentials() throws Exception {
        writeGcloudFile("{\"type\":\"authorized_user\",\"quota_project_id\":\"billing-project\"}");
        ConnectViewModel viewModel = open(Map.of());

        assertThat(viewModel.quotaProjectProperty().get()).isEqualTo("billing-project");
        assertThat(viewModel.warnings()).isEmpty();
    }

    @Test
    void noCredentialsFileSaysHowToLogIn() {
        ConnectViewModel viewModel = open(Map.of());

        assertThat(viewModel.credentialsKindProperty().get()).isEqualTo("No credentials file found");
        assertThat(viewModel.principalProperty().get()).startsWith("(none");
        assertThat(viewModel.credentialsProblemProperty().get()).contains("gcloud auth application-default login");
    }

    @Test
    void missingKeyFileBlocksConnect() {
        Path absent = home.resolve("gone.json");
        ConnectViewModel viewModel = open(Map.of("GOOGLE_APPLICATION_CREDENTIALS", absent.toString()));

        assertThat(viewModel.credentialsProblemProperty().get()).contains(absent.toString()).contains("does not exist");
        assertThat(viewModel.connectDisabledBinding().get()).isTrue();
    }

    @Test
    void unreadableFileBlocksConnect() throws Exception {
        Path broken = write("broken.json", "this is not json");
        ConnectViewModel viewModel = open(Map.of("GOOGLE_APPLICATION_CREDENTIALS", broken.toString()));

        assertThat(viewModel.credentialsProblemProperty().get()).contains("not a credentials file");
        assertThat(viewModel.connectDisabledBinding().get()).isTrue();
    }

    @Test
    void fieldsAreValidatedAsTyped() throws Exception {
        ConnectViewModel viewModel = open(keyEnvironment());

        viewModel.projectProperty().set("Not_A_Project");
        assertThat(viewModel.projectErrorProperty().get()).contains("Not_A_Project").contains("lowercase");
        assertThat(viewModel.connectDisabledBinding().get()).isTrue();

        viewModel.projectProperty().set("other-project");
        assertThat(viewModel.projectErrorProperty().get()).contains("mycoolproject-prod").contains("settings.project");

        viewModel.projectProperty().set("mycoolproject-prod");
        viewModel.impersonateProperty().set("deployer@example.com");
        assertThat(viewModel.projectErrorProperty().get()).isEmpty();
        assertThat(viewModel.impersonateErrorProperty().get()).contains("not a service account email");

        viewModel.impersonateProperty().set("deployer@mycoolproject-prod.iam.gserviceaccount.com");
        viewModel.quotaProjectProperty().set("x");
        assertThat(viewModel.impersonateErrorProperty().get()).isEmpty();
        assertThat(viewModel.quotaProjectErrorProperty().get()).contains("quota project");

        viewModel.quotaProjectProperty().set("");
        viewModel.regionProperty().set("mars-north1");
        assertThat(viewModel.regionErrorProperty().get()).contains("mars-north1");
        assertThat(viewModel.connectDisabledBinding().get()).isTrue();

        viewModel.regionProperty().set("us-central1");
        assertThat(viewModel.regionErrorProperty().get()).isEmpty();
        assertThat(viewModel.warnings()).anySatisfy(warning -> assertThat(warning).contains("southamerica-east1"));
        assertThat(viewModel.connectDisabledBinding().get()).isFalse();
    }

    @Test
    void regionsComeFromValidator() {
        ConnectViewModel viewModel = open(Map.of());

        assertThat(viewModel.regions()).contains("southamerica-east1", "europe-west1").isSorted();
        assertThat(viewModel.regionProperty().get()).isEqualTo("southamerica-east1");
    }

    @Test
    void projectsAreListedWithChoice() throws Exception {
        ConnectViewModel viewModel = open(keyEnvironment());
        connector.projects = List.of(new VisibleProject("mycoolproject-prod", "My cool project", "42"),
                new VisibleProject("sandbox-two", "Two", "43"));
        viewModel.impersonateProperty().set("deployer@mycoolproject-prod.iam.gserviceaccount.com");

        await(viewModel.loadProjects());

        assertThat(viewModel.projects()).containsExactly("mycoolproject-prod", "sandbox-two");
        assertThat(viewModel.projectsStatusProperty().get()).isEqualTo("2 projects found");
        assertThat(connector.listed.get(0).impersonate()).isEqualTo("deployer@mycoolproject-prod.iam.gserviceaccount.com");
        assertThat(viewModel.warnings()).isEmpty();
    }

    @Test
    void invisibleProjectWarns() throws Exception {
        ConnectViewModel viewModel = open(keyEnvironment());
        connector.projects = List.of(new VisibleProject("sandbox-two", "Two", "43"));

        await(viewModel.loadProjects());

        assertThat(viewModel.warnings()).anySatisfy(warning -> assertThat(warning)
                .contains("mycoolproject-prod is not among the projects you can see"));
    }

    @Test
    void connectHandsChoiceToOpener() throws Exception {
        ConnectViewModel viewModel = open(keyEnvironment());
        viewModel.regionProperty().set("us-central1");
        viewModel.impersonateProperty().set(" deployer@mycoolproject-prod.iam.gserviceaccount.com ");
        viewModel.quotaProjectProperty().set("billing-project");

        await(viewModel.connect());

        assertThat(connector.opened).containsExactly(new ConnectChoice(STACK, "mycoolproject-prod", "us-central1",
                "deployer@mycoolproject-prod.iam.gserviceaccount.com", "billing-project"));
        assertThat(switched).hasSize(1);
        assertThat(viewModel.finishedProperty().get()).isTrue();
        assertThat(viewModel.failureProperty().get()).isEmpty();
    }

    @Test
    void blankOptionalFieldsPassNull() throws Exception {
        ConnectViewModel viewModel = open(keyEnvironment());

        await(viewModel.connect());

        assertThat(connector.opened.get(0).impersonate()).isNull();
        assertThat(connector.opened.get(0).quotaProject()).isNull();
    }

    @Test
    void invalidChoiceIsNotHandedOver() throws Exception {
        ConnectViewModel viewModel = open(keyEnvironment());
        viewModel.projectProperty().set("someone-elses-project");

        await(viewModel.connect());

        assertThat(connector.opened).isEmpty();
        assertThat(switched).isEmpty();
    }

    @Test
    void refusedImpersonationIsExplained() throws Exception {
        ConnectViewModel viewModel = open(keyEnvironment());
        viewModel.impersonateProperty().set("deployer@mycoolproject-prod.iam.gserviceaccount.com");
        connector.failure = ConnectFailure.calling(new CloudException(ErrorCategory.PERMISSION_DENIED,
                "list the enabled APIs of project mycoolproject-prod failed: permission denied"), true);

        await(viewModel.connect());

        assertThat(viewModel.failureProperty().get()).contains("deployer@mycoolproject-prod.iam.gserviceaccount.com")
                .contains("roles/iam.serviceAccountTokenCreator").doesNotContain("Exception");
        assertThat(viewModel.failureDetailProperty().get()).contains("list the enabled APIs").doesNotContain("\tat ");
        assertThat(viewModel.finishedProperty().get()).isFalse();
        assertThat(switched).isEmpty();
    }

    @Test
    void missingCredentialsAreExplained() throws Exception {
        ConnectViewModel viewModel = open(keyEnvironment());
        connector.failure = ConnectFailure.loading(new CloudException(ErrorCategory.PERMISSION_DENIED,
                "No Application Default Credentials were found"));

        await(viewModel.connect());

        assertThat(viewModel.failureProperty().get()).contains("gcloud auth application-default login");
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void failedListingIsExplained() throws Exception {
        ConnectViewModel viewModel = open(keyEnvironment());
        connector.failure = ConnectFailure.calling(new CloudException(ErrorCategory.API_DISABLED,
                "list the projects you can see failed: Cloud Resource Manager API is disabled"), false);

        await(viewModel.loadProjects());

        assertThat(viewModel.failureProperty().get()).contains("gcloud services enable");
        assertThat(viewModel.projectsStatusProperty().get()).isEmpty();
    }

    @Test
    void useSandboxSwitchesBack() throws Exception {
        ConnectViewModel viewModel = connectViewModel(Map.of());
        await(viewModel.open(STACK, SETTINGS, false));

        await(viewModel.useSandbox());

        assertThat(connector.sandboxes).containsExactly(STACK);
        assertThat(switched).hasSize(1);
        assertThat(viewModel.finishedProperty().get()).isTrue();
    }

    @Test
    void useSandboxOnSandboxOnlyCloses() throws Exception {
        ConnectViewModel viewModel = open(Map.of());

        await(viewModel.useSandbox());

        assertThat(connector.sandboxes).isEmpty();
        assertThat(viewModel.finishedProperty().get()).isTrue();
    }

    @Test
    void failureKindsFollowCategory() {
        CloudException denied = new CloudException(ErrorCategory.PERMISSION_DENIED, "denied");

        assertThat(ConnectFailure.calling(denied, false).kind()).isEqualTo(ConnectFailure.Kind.PERMISSION_DENIED);
        assertThat(ConnectFailure.calling(denied, true).kind()).isEqualTo(ConnectFailure.Kind.IMPERSONATION_REFUSED);
        assertThat(ConnectFailure.calling(new CloudException(ErrorCategory.UNAVAILABLE, "down"), false).kind())
                .isEqualTo(ConnectFailure.Kind.UNREACHABLE);
        assertThat(ConnectFailure.calling(new CloudException(ErrorCategory.CONFLICT, "busy"), false).kind())
                .isEqualTo(ConnectFailure.Kind.OTHER);
        assertThat(ConnectFailure.loading(denied).kind()).isEqualTo(ConnectFailure.Kind.NO_CREDENTIALS);
    }

    private ConnectViewModel open(Map<String, String> environment) {
        ConnectViewModel viewModel = connectViewModel(environment);
        await(viewModel.open(STACK, SETTINGS, true));
        return viewModel;
    }

    private ConnectViewModel connectViewModel(Map<String, String> environment) {
        AdcLocator locator = new AdcLocator(environment, home, false);
        return new ConnectViewModel(connector, new CredentialsDetector(locator), runner, switched::add);
    }

    private Map<String, String> keyEnvironment() throws IOException {
        Path key = write("key.json", "{\"type\":\"service_account\",\"client_email\":\"ci@mycoolproject-prod.iam.gserviceaccount.com\"}");
        return Map.of("GOOGLE_APPLICATION_CREDENTIALS", key.toString());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(home.resolve(name), text);
    }

    private void writeGcloudFile(String text) throws IOException {
        Path folder = Files.createDirectories(home.resolve(".config").resolve("gcloud"));
        Files.writeString(folder.resolve("application_default_credentials.json"), text);
    }

    private static void await(Future<?> work) {
        try {
            work.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new AssertionError("Background work did not finish", failed);
        }
    }
}
