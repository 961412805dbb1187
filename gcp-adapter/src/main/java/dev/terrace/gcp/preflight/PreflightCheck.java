package dev.terrace.gcp.preflight;

import dev.terrace.core.diag.Diagnostic;
import java.util.List;

/**
 * One plan-time check that predicts an apply failure and reports it as diagnostics, each naming
 * the resource, the cause and the fix. A check reads only through APIs that are enabled.
 */
public interface PreflightCheck {

    /** A short name for logs, such as "image". */
    String name();

    List<Diagnostic> check(PreflightContext context);
}
