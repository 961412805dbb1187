package dev.terrace.gcp.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.run.v2.ServicesSettings;
import com.google.cloud.tasks.v2.CloudTasksSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings each client gets; nothing here opens a channel. */
class ClientFactoryTest {

    private static final GoogleCredentials CREDENTIALS = GoogleCredentials.create(new AccessToken("not-a-token",
            null)).createWithQuotaProject("billing-p");

    @Test
    void googleConnectionUsesGlobalEndpointAndCredentials() throws Exception {
        GcpConnection connection = GcpConnection.withCredentials("p", "southamerica-east1", ServiceEndpoints.google(),
                CREDENTIALS, new Principal(AdcSource.ENVIRONMENT_FILE, "service_account", "service account ci@p",
                        null, "billing-p", List.of()));

        ServicesSettings.Builder settings = new ClientFactory(connection).configure(ServicesSettings.newBuilder(),
                GcpService.RUN);

        assertThat(settings.getEndpoint()).isEqualTo("run.googleapis.com:443");
        assertThat(settings.getQuotaProjectId()).isEqualTo("billing-p");
        assertThat(settings.getCredentialsProvider()).isInstanceOf(FixedCredentialsProvider.class);
        assertThat(settings.getCredentialsProvider().getCredentials()).isSameAs(CREDENTIALS);
    }

    @Test
    void emulatedServiceGetsNoCredentials() throws Exception {
        ServiceEndpoints endpoints = ServiceEndpoints.google().override(GcpService.TASKS, "127.0.0.1:7003");
        GcpConnection connection = GcpConnection.withCredentials("p", "southamerica-east1", endpoints, CREDENTIALS,
                Principal.none());

        CloudTasksSettings.Builder tasks = new ClientFactory(connection).configure(CloudTasksSettings.newBuilder(),
                GcpService.TASKS);
        ServicesSettings.Builder run = new ClientFactory(connection).configure(ServicesSettings.newBuilder(),
                GcpService.RUN);

        assertThat(tasks.getEndpoint()).isEqualTo("127.0.0.1:7003");
        assertThat(tasks.getCredentialsProvider()).isInstanceOf(NoCredentialsProvider.class);
        assertThat(tasks.getTransportChannelProvider().getTransportName()).isEqualTo("grpc");
        assertThat(run.getCredentialsProvider()).isInstanceOf(FixedCredentialsProvider.class);
    }
}
