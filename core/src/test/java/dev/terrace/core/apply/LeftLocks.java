package dev.terrace.core.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.engine.Engine;
import dev.terrace.core.stack.Stack;
import dev.terrace.core.state.StateLock;
import dev.terrace.core.state.StateLockedException;

/** The state lock a killed run leaves behind, for tests of the run after it. */
public final class LeftLocks {

    private LeftLocks() {
    }

    /** Checks that the killed run left its lock behind, then forces it as --force-unlock does. */
    public static StateLock forceLockLeftBehind(Engine engine, Stack stack) {
        try {
            engine.lock(stack, "apply", false).close();
            throw new AssertionError("the killed run's lock should still be there");
        } catch (StateLockedException refused) {
            assertThat(refused.getMessage()).contains("no longer runs", "--force-unlock");
            return engine.lock(stack, "apply", true);
        }
    }
}
