package dev.terrace.gcp.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which credentials ADC would pick, and how the principal is described; nothing here calls a network. */
class CredentialSelectionTest {

    @TempDir
    Path home;

    @Test
    void environmentVariableWinsOverGcloudFile() throws IOException {
        writeGcloudFile("{\"type\":\"authorized_user\"}");
        Path key = write("key.json", "{\"type\":\"service_account\",\"client_email\":\"ci@p.iam.gserviceaccount.com\"}");

        AdcLocator.Location location = locator(Map.of("GOOGLE_APPLICATION_CREDENTIALS", key.toString())).locate();

        assertThat(location.source()).isEqualTo(AdcSource.ENVIRONMENT_FILE);
        assertThat(location.file()).contains(key);
    }

    @Test
    void gcloudFileIsUsedWithoutVariable() throws IOException {
        Path file = writeGcloudFile("{\"type\":\"authorized_user\",\"quota_project_id\":\"billing-p\"}");

        AdcLocator.Location location = locator(Map.of()).locate();

        assertThat(location.source()).isEqualTo(AdcSource.GCLOUD_FILE);
        assertThat(location.file()).contains(file);
    }

    @Test
    void cloudsdkConfigMovesGcloudFolder() throws IOException {
        Path folder = Files.createDirectories(home.resolve("other-gcloud"));
        Files.writeString(folder.resolve(AdcLocator.WELL_KNOWN_FILE), "{\"type\":\"authorized_user\"}");

        AdcLocator.Location location = locator(Map.of("CLOUDSDK_CONFIG", folder.toString())).locate();

        assertThat(location.file()).contains(folder.resolve(AdcLocator.WELL_KNOWN_FILE));
    }

    @Test
    void noFileMeansMetadataServer() {
        AdcLocator.Location location = locator(Map.of()).locate();

        assertThat(location.source()).isEqualTo(AdcSource.METADATA_SERVER);
        assertThat(Principal.describe(location, null, null).type()).isEqualTo("metadata");
    }

    @Test
    void userCredentialsWithoutQuotaProjectWarn() throws IOException {
        writeGcloudFile("{\"type\":\"authorized_user\",\"client_id\":\"x\"}");

        Principal principal = Principal.describe(locator(Map.of()).locate(), null, null);

        assertThat(principal.quotaProject()).isNull();
        assertThat(principal.warnings()).singleElement().asString()
                .contains("no quota project").contains("set-quota-project");
    }

    @Test
    void userCredentialsWithQuotaProjectDoNotWarn() throws IOException {
        writeGcloudFile("{\"type\":\"authorized_user\",\"quota_project_id\":\"billing-p\"}");

        Principal principal = Principal.describe(locator(Map.of()).locate(), null, null);

        assertThat(principal.quotaProject()).isEqualTo("billing-p");
        assertThat(principal.warnings()).isEmpty();
        assertThat(principal.summary()).contains("quota project billing-p");
    }

    @Test
    void serviceAccountKeyNamesItsEmail() throws IOException {
        Path key = write("key.json", "{\"type\":\"service_account\",\"client_email\":\"ci@p.iam.gserviceaccount.com\"}");

        Principal principal = Principal.describe(locator(Map.of("GOOGLE_APPLICATION_CREDENTIALS", key.toString()))
                .locate(), null, null);

        assertThat(principal.identity()).isEqualTo("service account ci@p.iam.gserviceaccount.com");
        assertThat(principal.warnings()).isEmpty();
    }

    @Test
    void federationFileNamesImpersonatedAccount() throws IOException {
        Path file = write("wif.json", "{\"type\":\"external_account\",\"audience\":\"//iam.googleapis.com/projects/1/"
                + "locations/global/workloadIdentityPools/github-pool/providers/github-provider\","
                + "\"service_account_impersonation_url\":\"https://iamcredentials.googleapis.com/v1/projects/-/"
                + "serviceAccounts/deployer@p.iam.gserviceaccount.com:generateAccessToken\"}");

        Principal principal = Principal.describe(locator(Map.of("GOOGLE_APPLICATION_CREDENTIALS", file.toString()))
                .locate(), null, null);

        assertThat(principal.type()).isEqualTo("external_account");
        assertThat(principal.identity()).contains("deployer@p.iam.gserviceaccount.com")
                .contains("workload identity federation");
    }

    @Test
    void federationWithoutImpersonationNamesAudience() throws IOException {
        Path file = write("wif.json", "{\"type\":\"external_account\",\"audience\":\"//iam.googleapis.com/pool\"}");

        Principal principal = Principal.describe(locator(Map.of("GOOGLE_APPLICATION_CREDENTIALS", file.toString()))
                .locate(), null, null);

        assertThat(principal.identity()).contains("//iam.googleapis.com/pool");
    }

    @Test
    void impersonationIsShownAndSilencesQuotaWarning() throws IOException {
        writeGcloudFile("{\"type\":\"authorized_user\"}");

        Principal principal = Principal.describe(locator(Map.of()).locate(), "deployer@p.iam.gserviceaccount.com",
                null);

        assertThat(principal.summary()).startsWith("service account deployer@p.iam.gserviceaccount.com, impersonated");
        assertThat(principal.warnings()).isEmpty();
    }

    @Test
    void impersonationWrapsSourceWithoutNetwork() {
        GoogleCredentials source = GoogleCredentials.newBuilder().setQuotaProjectId("billing-p").build();

        ImpersonatedCredentials impersonated = GcpConnection.impersonate(source, "deployer@p.iam.gserviceaccount.com");

        assertThat(impersonated.getAccount()).isEqualTo("deployer@p.iam.gserviceaccount.com");
        assertThat(impersonated.getSourceCredentials()).isSameAs(source);
        assertThat(impersonated.getQuotaProjectId()).isEqualTo("billing-p");
    }

    @Test
    void emulatorEndpointsCoverEveryService() {
        ServiceEndpoints endpoints = ServiceEndpoints.emulator("127.0.0.1:7001", "http://127.0.0.1:7002");

        assertThat(endpoints.allEmulated()).isTrue();
        assertThat(endpoints.endpoint(GcpService.RUN)).isEqualTo("127.0.0.1:7001");
        assertThat(endpoints.endpoint(GcpService.STORAGE)).isEqualTo("http://127.0.0.1:7002");
    }

    @Test
    void googleEndpointsAreTheDefaults() {
        ServiceEndpoints endpoints = ServiceEndpoints.google().override(GcpService.TASKS, "127.0.0.1:7003");

        assertThat(endpoints.endpoint(GcpService.RUN)).isEqualTo("run.googleapis.com:443");
        assertThat(endpoints.isEmulated(GcpService.RUN)).isFalse();
        assertThat(endpoints.isEmulated(GcpService.TASKS)).isTrue();
    }

    @Test
    void sandboxRejectsPartialEmulation() {
        ServiceEndpoints partial = ServiceEndpoints.google().override(GcpService.RUN, "127.0.0.1:7001");

        assertThatThrownBy(() -> GcpConnection.sandbox("p", "southamerica-east1", partial))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every API");
    }

    private AdcLocator locator(Map<String, String> environment) {
        return new AdcLocator(environment, home, false);
    }

    private Path writeGcloudFile(String json) throws IOException {
        Path folder = Files.createDirectories(home.resolve(".config/gcloud"));
        return Files.writeString(folder.resolve(AdcLocator.WELL_KNOWN_FILE), json);
    }

    private Path write(String name, String json) throws IOException {
        return Files.writeString(home.resolve(name), json);
    }
}
