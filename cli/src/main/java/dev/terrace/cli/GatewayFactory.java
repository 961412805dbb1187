package dev.terrace.cli;

import dev.terrace.core.memory.MemoryGateway;
import dev.terrace.core.memory.MemoryGatewayOptions;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.Resource;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.stack.Stack;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Opens the gateway the options choose for a stack's project. */
final class GatewayFactory {

    private GatewayFactory() {
    }

    static Gateway open(GatewayOptions options, Stack stack, Path stateRoot) {
        switch (options.gateway) {
            case MEMORY:
                return memory(options, stack, stateRoot);
            case SANDBOX:
            case GOOGLE:
            default:
                // TODO: the sandbox and Google Cloud gateways come with the gcp-adapter module.
                throw new UserError(Texts.get("error.gateway_unavailable", options.gateway.name().toLowerCase(
                        java.util.Locale.ROOT)));
        }
    }

    /** Returns the fake cloud's file of a project, shared by separate commands so they see one cloud. */
    static Path memoryCloudFile(Path stateRoot, String project) {
        return stateRoot.resolve("memory-cloud").resolve(project + ".json");
    }

    private static Gateway memory(GatewayOptions options, Stack stack, Path stateRoot) {
        Map<Address, String> identities = new LinkedHashMap<>();
        for (Resource resource : stack.all()) {
            identities.put(resource.address(), resource.spec().identity());
        }
        MemoryGatewayOptions memory = MemoryGatewayOptions.of(stack.settings().project())
                .withFile(memoryCloudFile(stateRoot, stack.settings().project()))
                .withLatency(options.latency())
                .withFaults(options.faults(identities))
                .withSeed(options.memorySeed);
        return new MemoryGateway(memory);
    }
}
