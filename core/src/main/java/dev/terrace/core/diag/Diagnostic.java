package dev.terrace.core.diag;

import dev.terrace.core.model.Address;
import java.util.Objects;

/**
 * A problem shown to the user: a short summary, detail sentences naming the cause, and the next
 * step. Every field but severity and summary may be null when it does not apply.
 *
 * @param field the dotted spec or settings field the problem is about
 * @param value the offending value as written, never a secret value
 */
public record Diagnostic(
        Severity severity,
        String summary,
        String detail,
        String fix,
        Address address,
        SourceLocation location,
        String field,
        String value) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Diagnostic at(SourceLocation newLocation) {
        return new Diagnostic(severity, summary, detail, fix, address, newLocation, field, value);
    }
}
