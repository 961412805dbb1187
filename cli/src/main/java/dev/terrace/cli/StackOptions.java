package dev.terrace.cli;

import dev.terrace.core.diag.DiagnosticRenderer;
import dev.terrace.core.engine.Directories;
import dev.terrace.core.engine.Validation;
import dev.terrace.core.stack.Stack;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that reads a stack shares. */
final class StackOptions {

    @Option(names = "--stack", paramLabel = "FILE", defaultValue = "terrace.yaml",
            descriptionKey = "option.stack")
    Path stackFile;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;

    @Option(names = "--state-dir", paramLabel = "DIR", descriptionKey = "option.stateDir")
    Path stateDir;

    Path stateRoot() {
        return stateDir != null ? stateDir : Directories.fromEnvironment().state();
    }

    /**
     * Reads and validates the stack; prints the diagnostics and raises {@link UserError} when the
     * stack has errors, so a command never plans an invalid stack.
     */
    Stack loadValidStack(PrintWriter err) {
        Validation validation = Validation.of(stackFile);
        if (!validation.diagnostics().isEmpty()) {
            err.print(DiagnosticRenderer.render(validation.diagnostics()));
        }
        return validation.usableStack().orElseThrow(() -> new UserError(Texts.get("error.stack_invalid",
                stackFile, DiagnosticRenderer.count(validation.diagnostics()))));
    }
}
