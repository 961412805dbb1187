package dev.terrace.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.GuideExample;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.engine.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Copies of the guide's stack file with one fault each, and one with all of them. */
class ValidationFaultsTest {

    private static final String PORT_IN_ENV = """
              run_service.web:
                env:
                  PORT: "8080"
            """;

    private static final String BAD_BUCKET = """
              bucket.static:
                name: My_Static_Bucket
            """;

    private static final String BAD_CRON = """
              scheduler_job.worker_trigger:
                schedule: "61 * * * *"
            """;

    private static final String CYCLE = """
              service_account.run:
                depends_on: [run_service.web]
            """;

    @Test
    void portInEnvRejectedAtLine() {
        List<Diagnostic> diagnostics = validate(PORT_IN_ENV);

        assertThat(diagnostics).hasSize(1);
        Diagnostic port = diagnostics.get(0);
        assertThat(port.severity()).isEqualTo(Severity.ERROR);
        assertThat(port.summary()).contains("PORT");
        assertThat(port.location().line()).isEqualTo(lineOf("PORT: \"8080\""));
        assertThat(port.fix()).contains("Remove PORT");
        assertThat(port.address()).hasToString("run_service.web");
    }

    @Test
    void invalidBucketNameIsRejectedWithTheRule() {
        List<Diagnostic> diagnostics = validate(BAD_BUCKET);

        assertThat(diagnostics).hasSize(1);
        assertThat(diagnostics.get(0).summary()).isEqualTo("Invalid bucket name");
        assertThat(diagnostics.get(0).value()).isEqualTo("My_Static_Bucket");
        assertThat(diagnostics.get(0).location().line()).isEqualTo(lineOf("name: My_Static_Bucket"));
        assertThat(diagnostics.get(0).detail()).contains("lowercase");
        assertThat(diagnostics.get(0).fix()).contains("\"mycoolproject-prod-static\"");
    }

    @Test
    void invalidCronIsRejectedWithAnExample() {
        List<Diagnostic> diagnostics = validate(BAD_CRON);

        assertThat(diagnostics).hasSize(1);
        assertThat(diagnostics.get(0).summary()).contains("61 * * * *");
        assertThat(diagnostics.get(0).location().line()).isEqualTo(lineOf("schedule: \"61 * * * *\""));
        assertThat(diagnostics.get(0).fix()).contains("\"* * * * *\"");
    }

    @Test
    void cycleNamesEveryAddressInIt() {
        List<Diagnostic> diagnostics = validate(CYCLE);

        assertThat(diagnostics).hasSize(1);
        Diagnostic cycle = diagnostics.get(0);
        assertThat(cycle.summary()).isEqualTo("Dependency cycle");
        assertThat(cycle.detail()).contains("service_account.run", "run_service.web");
        assertThat(cycle.location().line()).isEqualTo(lineOf("depends_on: [run_service.web]"));
    }

    @Test
    void allFaultsReportedInOneRun() {
        List<Diagnostic> diagnostics = validate(PORT_IN_ENV + BAD_BUCKET + BAD_CRON + CYCLE);

        assertThat(diagnostics).extracting(Diagnostic::summary).containsExactlyInAnyOrder(
                "Reserved environment variable PORT", "Invalid bucket name",
                "Invalid cron expression \"61 * * * *\"", "Dependency cycle");
    }

    @Test
    void yamlSyntaxErrorPointsAtLineAndColumn() {
        Validation validation = Validation.of("broken.yaml", "settings:\n  project: [unclosed\n  region: x\n");

        assertThat(validation.diagnostics()).hasSize(1);
        Diagnostic syntax = validation.diagnostics().get(0);
        assertThat(syntax.summary()).isEqualTo("Invalid YAML");
        assertThat(syntax.location().line()).isEqualTo(3);
        assertThat(syntax.location().column()).isPositive();
    }

    @Test
    void tabIndentationPointsAtTheTab() {
        Validation validation = Validation.of("tabs.yaml", "settings:\n\tproject: x\n");

        Diagnostic syntax = validation.diagnostics().get(0);
        assertThat(syntax.location().line()).isEqualTo(2);
        assertThat(syntax.location().column()).isEqualTo(1);
        assertThat(syntax.detail()).contains("TAB").doesNotContain("\n");
    }

    @Test
    void oauthTokenIsRequiredForGoogleApiTarget() {
        List<Diagnostic> diagnostics = validate("""
              scheduler_job.worker_trigger:
                token:
                  type: oidc
            """);

        assertThat(diagnostics).extracting(Diagnostic::summary).containsExactly("Google API target needs an OAuth token");
    }

    @Test
    void oidcTokenIsRequiredForServiceUrl() {
        List<Diagnostic> diagnostics = validate("""
              scheduler_job.worker_trigger:
                uri: https://mycoolproject-abc123-rj.a.run.app/tasks/run
            """);

        assertThat(diagnostics).extracting(Diagnostic::summary).containsExactly("Service URL target needs an OIDC token");
    }

    @Test
    void guidesTasksApiNameIsUnknown() {
        List<Diagnostic> diagnostics = validate("""
              api.tasks:
                service: tasks.googleapis.com
            """);

        assertThat(diagnostics).hasSize(1);
        assertThat(diagnostics.get(0).summary()).isEqualTo("Unknown API \"tasks.googleapis.com\"");
        assertThat(diagnostics.get(0).fix()).contains("cloudtasks.googleapis.com");
    }

    @Test
    void referenceToMissingResourceIsNamed() {
        List<Diagnostic> diagnostics = validate("""
              run_service.web:
                service_account: service_account.missing
            """);

        assertThat(diagnostics).extracting(Diagnostic::summary)
                .containsExactly("Reference to unknown resource service_account.missing");
        assertThat(diagnostics.get(0).location().line()).isEqualTo(lineIn(
                withResources("  run_service.web:\n    service_account: service_account.missing\n"), "service_account.missing"));
    }

    @Test
    void unknownFieldListsTheKnownOnes() {
        List<Diagnostic> diagnostics = validate("""
              run_service.web:
                memmory: 1Gi
            """);

        assertThat(diagnostics).hasSize(1);
        assertThat(diagnostics.get(0).summary()).isEqualTo("Unknown field \"memmory\"");
        assertThat(diagnostics.get(0).fix()).contains("memory");
    }

    @Test
    void duplicateAddressIsAnError() {
        List<Diagnostic> diagnostics = validate("""
              bucket.media:
                versioning: true
              bucket.media:
                versioning: false
            """);

        assertThat(diagnostics).extracting(Diagnostic::summary).containsExactly("Duplicate address bucket.media");
    }

    @Test
    void twoAddressesForOneBucketAreAnError() {
        List<Diagnostic> diagnostics = validate("""
              bucket.copy:
                name: mycoolproject-prod-media
                location: southamerica-east1
            """);

        assertThat(diagnostics).extracting(Diagnostic::summary)
                .containsExactly("bucket.copy and bucket.media are the same cloud object");
    }

    @Test
    void unknownRegionSuggestsTheClosest() {
        Validation validation = Validation.of("stack.yaml", GuideExample.text()
                .replace("region: southamerica-east1", "region: southamerica-east9"));

        Diagnostic region = validation.diagnostics().stream()
                .filter(diagnostic -> diagnostic.field() != null && diagnostic.field().equals("settings.region"))
                .findFirst().orElseThrow();
        assertThat(region.fix()).contains("southamerica-east1");
        assertThat(region.location().line()).isEqualTo(lineIn(GuideExample.text(), "region: southamerica-east1"));
    }

    @Test
    void redundantBucketGrantIsAWarning() {
        List<Diagnostic> diagnostics = validate("""
              bucket.media:
                iam:
                  roles/storage.objectAdmin: [service_account.run]
            """);

        assertThat(diagnostics).hasSize(1);
        assertThat(diagnostics.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(diagnostics.get(0).summary()).isEqualTo("Redundant grant of roles/storage.objectAdmin");
    }

    @Test
    void wrongTypeNamesFieldAndType() {
        List<Diagnostic> diagnostics = validate("""
              run_service.web:
                max_instances: many
            """);

        assertThat(diagnostics).hasSize(1);
        assertThat(diagnostics.get(0).detail()).isEqualTo("The field max_instances must be a whole number.");
        assertThat(diagnostics.get(0).location().line())
                .isEqualTo(lineIn(withResources("  run_service.web:\n    max_instances: many\n"), "max_instances: many"));
    }

    private static String withResources(String resources) {
        return GuideExample.text().replace("resources: {}", "resources:\n" + resources.stripTrailing());
    }

    private static List<Diagnostic> validate(String resources) {
        return Validation.of("copy.yaml", withResources(resources)).diagnostics();
    }

    /**
     * Returns the line of a fault text in the file it was placed in. The guide's file has the
     * same lines above its resources whichever fault follows, so the fault's first line is fixed.
     */
    private static int lineOf(String text) {
        for (String fault : List.of(PORT_IN_ENV, BAD_BUCKET, BAD_CRON, CYCLE)) {
            if (fault.contains(text)) {
                return lineIn(withResources(fault), text);
            }
        }
        throw new IllegalArgumentException(text + " is in none of the fault texts");
    }

    private static int lineIn(String file, String text) {
        String[] lines = file.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            if (lines[index].contains(text)) {
                return index + 1;
            }
        }
        throw new IllegalArgumentException(text + " is not in the file");
    }
}
