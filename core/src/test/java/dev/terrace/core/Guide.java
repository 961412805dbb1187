package dev.terrace.core;

import dev.terrace.core.engine.Validation;
import dev.terrace.core.memory.MemoryGateway;
import dev.terrace.core.memory.MemoryGatewayOptions;
import dev.terrace.core.stack.Stack;

/** The guide's stack and fresh fake clouds for it. */
public final class Guide {

    private Guide() {
    }

    public static Stack stack() {
        return Validation.of(GuideExample.path()).usableStack().orElseThrow();
    }

    public static MemoryGatewayOptions cloudOptions() {
        return MemoryGatewayOptions.of("mycoolproject-prod");
    }

    public static MemoryGateway freshCloud() {
        return new MemoryGateway(cloudOptions());
    }
}
