package dev.terrace.core.apply;

import dev.terrace.core.Guide;
import dev.terrace.core.engine.Engine;
import dev.terrace.core.memory.MemoryGateway;
import dev.terrace.core.memory.Operation;
import dev.terrace.core.plan.PlanOptions;
import dev.terrace.core.stack.Stack;
import dev.terrace.core.state.StateLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A slow apply of the guide's stack in a process of its own, for a test to kill with SIGKILL.
 * Arguments: the state folder and the fake cloud's file.
 */
public final class KillableApply {

    private KillableApply() {
    }

    public static void main(String[] args) {
        Path stateRoot = Path.of(args[0]);
        Path cloudFile = Path.of(args[1]);
        Stack stack = Guide.stack();
        MemoryGateway cloud = new MemoryGateway(Guide.cloudOptions().withFile(cloudFile)
                .withLatency(Map.of(Operation.CREATE, Duration.ofMillis(150))));
        Engine engine = new Engine(cloud, stateRoot, null);
        try (StateLock lock = engine.lock(stack, "apply", false)) {
            engine.apply(stack, engine.plan(stack, PlanOptions.defaults()), new ApplyOptions(3, null), null);
        }
    }
}
