package dev.terrace.core.contract;

import dev.terrace.core.memory.MemoryGateway;
import dev.terrace.core.memory.MemoryGatewayOptions;
import dev.terrace.core.port.Gateway;

/** The gateway contract on the in-memory gateway. */
class MemoryGatewayContractTest extends GatewayContract {

    @Override
    protected Gateway newGateway() {
        return new MemoryGateway(MemoryGatewayOptions.of("contract-project"));
    }

    @Override
    protected void publishImage(String repositoryId, String image, String tag) {
        // The in-memory gateway does not check images, so there is nothing to publish.
    }
}
