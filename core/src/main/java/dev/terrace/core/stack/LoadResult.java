package dev.terrace.core.stack;

import dev.terrace.core.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * What reading a stack file produced: the stack when the file could be understood, and every
 * diagnostic found on the way.
 */
public record LoadResult(Optional<Stack> stack, List<Diagnostic> diagnostics) {

    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
