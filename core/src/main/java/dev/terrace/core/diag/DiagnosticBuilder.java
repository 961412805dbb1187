package dev.terrace.core.diag;

import dev.terrace.core.model.Address;

/** Collects the optional parts of a {@link Diagnostic} after its texts were looked up. */
public final class DiagnosticBuilder {

    private final Severity severity;
    private final String summary;
    private final String detail;
    private final String fix;
    private Address address;
    private SourceLocation location;
    private String field;
    private String value;

    DiagnosticBuilder(Severity severity, String summary, String detail, String fix) {
        this.severity = severity;
        this.summary = summary;
        this.detail = detail;
        this.fix = fix;
    }

    public DiagnosticBuilder address(Address newAddress) {
        this.address = newAddress;
        return this;
    }

    public DiagnosticBuilder location(SourceLocation newLocation) {
        this.location = newLocation;
        return this;
    }

    public DiagnosticBuilder field(String newField, Object newValue) {
        this.field = newField;
        this.value = newValue == null ? null : String.valueOf(newValue);
        return this;
    }

    public Diagnostic build() {
        return new Diagnostic(severity, summary, detail, fix, address, location, field, value);
    }
}
