package dev.terrace.gcp.contract;

import dev.terrace.core.contract.GatewayContract;
import dev.terrace.core.port.Gateway;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.gcp.GcpGateway;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/** The gateway contract on the adapter, through the official clients, against the emulator. */
class GcpGatewayContractTest extends GatewayContract {

    private Emulator emulator;

    @Override
    protected Gateway newGateway() {
        emulator = Emulator.start(EmulatorConfig.builder()
                .projectId("contract-project")
                .region(REGION)
                .apiPropagationDelay(Duration.ofMillis(300))
                .build());
        return GcpGateway.sandbox("contract-project", REGION, emulator.endpoints().grpcTarget(),
                emulator.endpoints().storageHost());
    }

    @Override
    protected void publishImage(String repositoryId, String image, String tag) {
        emulator.publishImage(repositoryId, image, tag);
    }

    @AfterEach
    void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
