package dev.terrace.gcp.engine;

import dev.terrace.core.Guide;
import dev.terrace.core.apply.ApplyOptions;
import dev.terrace.core.apply.RetryPolicy;
import dev.terrace.core.engine.Engine;
import dev.terrace.core.plan.PlanOptions;
import dev.terrace.core.stack.Stack;
import dev.terrace.core.state.StateLock;
import dev.terrace.gcp.GcpGateway;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An apply of the guide stack's infrastructure through the adapter in a process of its own, for a
 * test to kill with SIGKILL. Arguments: the state folder, the emulator's gRPC target and its
 * Storage host.
 */
public final class KillableAdapterApply {

    private KillableAdapterApply() {
    }

    public static void main(String[] args) {
        Path stateRoot = Path.of(args[0]);
        Stack stack = Guide.stack();
        GcpGateway gateway = GcpGateway.sandbox(stack.settings().project(), stack.settings().region(), args[1],
                args[2]);
        Engine engine = new Engine(gateway, stateRoot, null);
        PlanOptions infrastructure = new PlanOptions(PlanOptions.DEFAULT_PARALLELISM, false,
                address -> !GuideSandbox.NEED_IMAGE.contains(address.kind()));
        ApplyOptions slow = new ApplyOptions(3, new RetryPolicy(Duration.ofMillis(50), Duration.ofSeconds(1),
                Duration.ofSeconds(60)));
        try (StateLock lock = engine.lock(stack, "apply", false)) {
            engine.apply(stack, engine.plan(stack, infrastructure), slow, null);
        }
        gateway.close();
    }
}
