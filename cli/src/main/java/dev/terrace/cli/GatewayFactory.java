package dev.terrace.cli;

import dev.terrace.core.memory.MemoryGateway;
import dev.terrace.core.memory.MemoryGatewayOptions;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.Resource;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.stack.Stack;
import dev.terrace.gcp.GcpGateway;
import dev.terrace.session.Sandbox;
import dev.terrace.session.SandboxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Opens the gateway the options choose for a stack's project. */
final class GatewayFactory {

    private GatewayFactory() {
    }

    static Gateway open(GatewayOptions options, Stack stack, Path stateRoot) {
        switch (options.kind()) {
            case MEMORY:
                return memory(options, stack, stateRoot);
            case GOOGLE:
                return google(options, stack);
            case SANDBOX:
            default:
                return sandbox(stack, options.sandboxRoot());
        }
    }

    private static Gateway sandbox(Stack stack, Path root) {
        try {
            return Sandbox.start(stack, root);
        } catch (SandboxException unusable) {
            throw new UserError(unusable.getMessage());
        }
    }

    private static Gateway google(GatewayOptions options, Stack stack) {
        String project = stack.settings().project();
        if (options.project != null && !options.project.equals(project)) {
            throw new UserError(Texts.get("error.project_mismatch", options.project, project));
        }
        String region = options.region != null ? options.region : stack.settings().region();
        GcpGateway gateway = GcpGateway.google(project, region, options.impersonate);
        System.err.println(Texts.get("google.connected", project, gateway.connection().principal().summary()));
        gateway.connection().principal().warnings().forEach(warning ->
                System.err.println(Texts.get("google.warning", warning)));
        return gateway;
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
