package dev.terrace.core.stack;

import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.diag.DiagnosticBuilder;
import dev.terrace.core.diag.Messages;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.diag.SourceLocation;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects diagnostics about one stack file and finds the line each one is about: the field's own
 * line when the file writes it, else the line of the setting the value derives from.
 */
public final class DiagnosticSink {

    private final YamlDocument document;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public DiagnosticSink(YamlDocument document) {
        this.document = document;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public void add(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    /** Adds a diagnostic about a value at a JSON pointer of the file. */
    public void atPointer(Severity severity, String pointer, String key, Object... arguments) {
        DiagnosticBuilder builder = Messages.diagnostic(severity, key, arguments);
        diagnostics.add(builder.location(locate(pointer)).build());
    }

    /** Adds a diagnostic about a field of a resource. */
    public void atField(Severity severity, Resource resource, FieldPath field, Object value, String key,
            Object... arguments) {
        DiagnosticBuilder builder = Messages.diagnostic(severity, key, arguments)
                .address(resource.address())
                .field(field.toString(), value)
                .location(locate(resource, field));
        diagnostics.add(builder.build());
    }

    /**
     * Adds a diagnostic about a field of a resource that is not built yet, locating it under the
     * resource's entry in the file when there is one, else at the setting it derives from.
     */
    public void atDraftField(Severity severity, Address address, String filePointer, String sourcePath,
            FieldPath field, Object value, String key, Object... arguments) {
        String pointer = filePointer != null && document != null
                && document.location(filePointer + field.pointer()).isPresent()
                ? filePointer + field.pointer() : sourcePath;
        diagnostics.add(Messages.diagnostic(severity, key, arguments)
                .address(address).field(field.toString(), value).location(locate(pointer)).build());
    }

    /** Adds a diagnostic about a resource as a whole. */
    public void atResource(Severity severity, Resource resource, String key, Object... arguments) {
        atField(severity, resource, new FieldPath(List.of()), null, key, arguments);
    }

    /** Adds a diagnostic about a field of the settings. */
    public void atSetting(Severity severity, String setting, Object value, String key, Object... arguments) {
        DiagnosticBuilder builder = Messages.diagnostic(severity, key, arguments)
                .field("settings." + setting, value)
                .location(locate("/settings/" + setting));
        diagnostics.add(builder.build());
    }

    SourceLocation locate(String pointer) {
        return document == null ? null : document.nearest(pointer);
    }

    /** Finds the line of a resource field, or of the setting its value derives from. */
    public SourceLocation locate(Resource resource, FieldPath field) {
        if (document == null) {
            return null;
        }
        String resourcePointer = "/resources/" + YamlDocument.segment(resource.address().toString());
        var written = document.location(resourcePointer + field.pointer());
        if (written.isPresent()) {
            return written.get();
        }
        if (document.location(resourcePointer).isPresent() && !resource.sourcePath().startsWith("/settings")) {
            return document.nearest(resourcePointer + field.pointer());
        }
        return document.nearest(resource.sourcePath());
    }
}
