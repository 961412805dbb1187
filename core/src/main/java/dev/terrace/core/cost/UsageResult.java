package dev.terrace.core.cost;

import dev.terrace.core.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/** The outcome of reading usage assumptions: the usage when it is valid, and every diagnostic. */
public record UsageResult(Optional<Usage> usage, List<Diagnostic> diagnostics) {

    public UsageResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
