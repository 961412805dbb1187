package dev.terrace.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.terrace.core.json.Json;
import dev.terrace.core.stack.Stack;
import dev.terrace.core.state.State;
import dev.terrace.core.state.StateEntry;
import dev.terrace.core.state.StateStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Reads the state Terrace keeps for a stack. */
@Command(name = "state", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE,
        subcommands = StateCommand.ListCommand.class)
final class StateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Lists the resources in the state, one line each. */
    @Command(name = "list", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
    static final class ListCommand implements Callable<Integer> {

        @Mixin
        StackOptions stack;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Stack loaded = stack.loadValidStack(spec.commandLine().getErr());
            StateStore store = new StateStore(stack.stateRoot(), loaded.settings().project(), loaded.name());
            State state = store.load();
            if (stack.json) {
                ArrayNode array = Json.mapper().createArrayNode();
                for (StateEntry entry : state.resources().values()) {
                    var node = array.addObject();
                    node.put("address", entry.address().toString());
                    node.put("chapter", entry.chapter().number());
                    node.put("identity", entry.spec().identity());
                    node.put("fingerprint", entry.fingerprint());
                    node.put("applied_at", String.valueOf(entry.appliedAt()));
                }
                out.println(Json.mapper().writeValueAsString(array));
            } else if (state.resources().isEmpty()) {
                out.println(Texts.get("state.empty", loaded.name(), store.stateFile()));
            } else {
                for (StateEntry entry : state.resources().values()) {
                    out.println(String.format("%-50s %s  %s", entry.address(), entry.chapter().label(),
                            entry.spec().identity()));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
