package dev.terrace.cli;

import dev.terrace.core.port.Gateway;
import dev.terrace.core.secret.SecretEditor;
import dev.terrace.core.secret.SecretInputException;
import dev.terrace.core.stack.Stack;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * One {@code terrace secrets} subcommand: reads the stack, opens the gateway and hands the
 * subcommand a {@link SecretEditor}. A rejected input becomes a {@link UserError}, whose message
 * names the secret and the fix but never a value.
 */
abstract class SecretsSubcommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Mixin
    GatewayOptions gateway;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try {
            prepare();
            Stack loaded = stack.loadValidStack(spec.commandLine().getErr());
            try (Gateway opened = GatewayFactory.open(gateway, loaded, stack.stateRoot())) {
                return run(new SecretEditor(loaded, opened), out);
            }
        } catch (SecretInputException rejected) {
            throw new UserError(rejected.getMessage());
        } finally {
            out.flush();
            release();
        }
    }

    /** Checks the options and reads any input before a cloud is opened; raises {@link UserError} on a fault. */
    void prepare() {
    }

    /** Wipes whatever {@link #prepare()} read; called even when the run failed. */
    void release() {
    }

    /** Runs the subcommand and returns its exit code. */
    abstract int run(SecretEditor editor, PrintWriter out) throws Exception;

    /** Prints the notes of a change, indented, under its summary line. */
    static void printNotes(PrintWriter out, java.util.List<String> notes) {
        notes.forEach(note -> out.println("  " + note));
    }
}
