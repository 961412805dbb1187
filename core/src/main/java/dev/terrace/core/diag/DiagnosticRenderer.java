package dev.terrace.core.diag;

import java.util.List;

/** Renders diagnostics as text for a terminal: the summary, where, the detail, and the fix. */
public final class DiagnosticRenderer {

    private DiagnosticRenderer() {
    }

    public static String render(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic diagnostic : diagnostics) {
            out.append(render(diagnostic)).append('\n');
        }
        return out.toString();
    }

    public static String render(Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder();
        out.append(diagnostic.severity().label()).append(": ").append(diagnostic.summary()).append('\n');
        String where = where(diagnostic);
        if (!where.isEmpty()) {
            out.append("  at ").append(where).append('\n');
        }
        if (diagnostic.detail() != null) {
            out.append("  ").append(diagnostic.detail()).append('\n');
        }
        if (diagnostic.fix() != null) {
            out.append("  Fix: ").append(diagnostic.fix()).append('\n');
        }
        return out.toString();
    }

    private static String where(Diagnostic diagnostic) {
        StringBuilder where = new StringBuilder();
        if (diagnostic.location() != null) {
            where.append(diagnostic.location());
        }
        if (diagnostic.address() != null) {
            where.append(where.length() > 0 ? ", " : "").append(diagnostic.address());
        }
        if (diagnostic.field() != null && !diagnostic.field().isEmpty()) {
            where.append(where.length() > 0 ? ", " : "").append("field ").append(diagnostic.field());
            if (diagnostic.value() != null) {
                where.append(" = \"").append(diagnostic.value()).append('"');
            }
        }
        return where.toString();
    }

    /** Returns a one-line count such as "2 errors, 1 warning". */
    public static String count(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.size() - errors;
        return plural(errors, "error") + ", " + plural(warnings, "warning");
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
