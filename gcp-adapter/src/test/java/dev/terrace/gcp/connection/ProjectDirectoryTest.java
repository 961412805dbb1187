package dev.terrace.gcp.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.emulator.Apis;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The project search through the official Resource Manager client, against the emulator. */
class ProjectDirectoryTest {

    private static final String PROJECT = "directory-project";

    private Emulator emulator;
    private ClientFactory clients;

    @AfterEach
    void stop() {
        clients.close();
        emulator.close();
    }

    @Test
    void searchListsVisibleProject() {
        start(Set.of(Apis.SERVICE_USAGE, Apis.RESOURCE_MANAGER));

        List<VisibleProject> found = new ProjectDirectory(clients).search();

        assertThat(found).containsExactly(new VisibleProject(PROJECT, PROJECT, "100000000001"));
    }

    @Test
    void disabledApiIsTranslated() {
        start(Set.of(Apis.SERVICE_USAGE));

        assertThatThrownBy(() -> new ProjectDirectory(clients).search())
                .isInstanceOfSatisfying(CloudException.class, failed ->
                        assertThat(failed.category()).isEqualTo(ErrorCategory.API_DISABLED))
                .hasMessageContaining("list the projects you can see");
    }

    private void start(Set<String> enabled) {
        emulator = Emulator.start(EmulatorConfig.builder().projectId(PROJECT).enabledServices(enabled).build());
        clients = new ClientFactory(GcpConnection.sandbox(PROJECT, "southamerica-east1",
                ServiceEndpoints.emulator(emulator.endpoints().grpcTarget(), emulator.endpoints().storageHost())));
    }
}
