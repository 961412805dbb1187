package dev.terrace.core.engine;

import dev.terrace.core.cost.UsageReader;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.stack.LoadResult;
import dev.terrace.core.stack.Stack;
import dev.terrace.core.stack.StackLoader;
import dev.terrace.core.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A stack file read and checked: the stack, when the file could be understood, and every
 * diagnostic of the reading and of the checks, ordered by line.
 */
public record Validation(Optional<Stack> stack, List<Diagnostic> diagnostics) {

    public Validation {
        diagnostics = List.copyOf(diagnostics);
    }

    public static Validation of(Path file) {
        return from(new StackLoader().load(file));
    }

    public static Validation of(String fileName, String text) {
        return from(new StackLoader().load(fileName, text));
    }

    private static Validation from(LoadResult loaded) {
        List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
        loaded.stack().ifPresent(stack -> {
            all.addAll(new Validator().validate(stack));
            all.addAll(UsageReader.check(stack));
        });
        all.sort(Comparator.comparing((Diagnostic diagnostic) -> diagnostic.location() == null ? Integer.MAX_VALUE
                : diagnostic.location().line()).thenComparing(Diagnostic::summary));
        return new Validation(loaded.stack(), all);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Returns the stack when it has no error, for commands that go on to plan. */
    public Optional<Stack> usableStack() {
        return hasErrors() ? Optional.empty() : stack;
    }
}
