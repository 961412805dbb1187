package dev.terrace.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.GuideExample;
import dev.terrace.core.diag.DiagnosticRenderer;
import dev.terrace.core.engine.Validation;
import org.junit.jupiter.api.Test;

class GuideValidationTest {

    @Test
    void guideStackHasNoDiagnostics() {
        Validation validation = Validation.of(GuideExample.path());

        assertThat(validation.diagnostics()).as(DiagnosticRenderer.render(validation.diagnostics())).isEmpty();
        assertThat(validation.stack()).isPresent();
    }
}
