package dev.terrace.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.GuideExample;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.engine.Validation;
import dev.terrace.core.stack.Stack;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageReaderTest {

    @TempDir
    Path folder;

    @Test
    void guideWithoutUsageTakesDefaults() {
        UsageResult result = UsageReader.read(CostFixtures.guideIn("southamerica-east1"), null);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.usage()).contains(Usage.defaults());
        assertThat(Usage.defaults().requestsPerMonth()).isEqualByComparingTo("100000");
        assertThat(Usage.defaults().job("worker").executionsPerMonth()).isEqualByComparingTo("43800");
    }

    @Test
    void stackSectionOverridesDefaultsKeyByKey() {
        Stack stack = CostFixtures.guideWith("""
                usage:
                  requests_per_month: 2500000
                  buckets:
                    media: {storage_gb: 40}
                """);

        Usage usage = UsageReader.read(stack, null).usage().orElseThrow();

        assertThat(usage.requestsPerMonth()).isEqualByComparingTo("2500000");
        assertThat(usage.bucket("media").storageGb()).isEqualByComparingTo("40");
        assertThat(usage.bucket("media").egressGb()).isEqualByComparingTo("5");
        assertThat(usage.requestDurationMs()).isEqualByComparingTo("200");
    }

    @Test
    void usageFileOverridesStackSection() throws IOException {
        Stack stack = CostFixtures.guideWith("""
                usage:
                  requests_per_month: 2500000
                  log_gib: 3
                """);
        Path file = folder.resolve("usage.yaml");
        Files.writeString(file, "requests_per_month: 7000000\njobs:\n  worker: {duration_seconds: 4}\n");

        Usage usage = UsageReader.read(stack, file).usage().orElseThrow();

        assertThat(usage.requestsPerMonth()).isEqualByComparingTo("7000000");
        assertThat(usage.logGib()).isEqualByComparingTo("3");
        assertThat(usage.job("worker").durationSeconds()).isEqualByComparingTo("4");
        assertThat(usage.job("worker").executionsPerMonth()).isEqualByComparingTo("43800");
    }

    @Test
    void negativeValueNamesKeyValueAndLine() {
        UsageResult result = UsageReader.read(CostFixtures.guideIn("us-central1"), "usage.yaml",
                "image_gb: 2\nrequests_per_month: -5\n");

        assertThat(result.usage()).isEmpty();
        Diagnostic diagnostic = only(result);
        assertThat(diagnostic.summary()).isEqualTo("Usage requests_per_month is negative");
        assertThat(diagnostic.field()).isEqualTo("requests_per_month");
        assertThat(diagnostic.value()).isEqualTo("-5");
        assertThat(diagnostic.location().line()).isEqualTo(2);
        assertThat(diagnostic.fix()).contains("zero or a positive number");
    }

    @Test
    void textValueIsNotANumber() {
        UsageResult result = UsageReader.read(CostFixtures.guideIn("us-central1"), "usage.yaml",
                "buckets:\n  media:\n    storage_gb: 10GB\n");

        Diagnostic diagnostic = only(result);
        assertThat(diagnostic.summary()).isEqualTo("Usage buckets.media.storage_gb is not a number");
        assertThat(diagnostic.detail()).contains("\"10GB\"");
        assertThat(diagnostic.location().line()).isEqualTo(3);
    }

    @Test
    void unknownKeyListsTheKnownOnes() {
        UsageResult result = UsageReader.read(CostFixtures.guideIn("us-central1"), "usage.yaml",
                "request_per_month: 10\n");

        Diagnostic diagnostic = only(result);
        assertThat(diagnostic.summary()).isEqualTo("Unknown usage key \"request_per_month\"");
        assertThat(diagnostic.fix()).contains("requests_per_month", "buckets", "jobs");
    }

    @Test
    void unknownJobNameListsTheStackJobs() {
        UsageResult result = UsageReader.read(CostFixtures.guideIn("us-central1"), "usage.yaml",
                "jobs:\n  workers: {executions_per_month: 10}\n");

        Diagnostic diagnostic = only(result);
        assertThat(diagnostic.summary()).isEqualTo("Unknown usage key \"workers\"");
        assertThat(diagnostic.field()).isEqualTo("jobs.workers");
        assertThat(diagnostic.fix()).isEqualTo("Use one of: *, collectstatic, migrate, worker.");
    }

    @Test
    void concurrencyAndInstancesRejectFractions() {
        UsageResult result = UsageReader.read(CostFixtures.guideIn("us-central1"), "usage.yaml",
                "concurrency: 0.5\nmin_instances: 1.5\n");

        assertThat(result.diagnostics()).extracting(Diagnostic::summary).containsExactly(
                "Usage concurrency is below 1", "Usage min_instances is not a whole number");
    }

    @Test
    void everyFaultIsReportedInOneRun() {
        UsageResult result = UsageReader.read(CostFixtures.guideIn("us-central1"), "usage.yaml",
                "log_gib: many\nimage_gb: -1\nsecrets: 3\n");

        assertThat(result.diagnostics()).hasSize(3);
    }

    @Test
    void validationChecksStackUsage() {
        Validation validation = Validation.of("terrace.yaml", GuideExample.text() + """
                usage:
                  requests_per_month: lots
                """);

        Diagnostic diagnostic = validation.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertThat(diagnostic.summary()).isEqualTo("Usage usage.requests_per_month is not a number");
        assertThat(diagnostic.field()).isEqualTo("usage.requests_per_month");
        assertThat(diagnostic.location().line()).isEqualTo(GuideExample.text().split("\n", -1).length + 1);
    }

    @Test
    void missingUsageFileIsADiagnostic() {
        UsageResult result = UsageReader.read(CostFixtures.guideIn("us-central1"), folder.resolve("none.yaml"));

        assertThat(only(result).summary()).isEqualTo("Usage file not found");
    }

    @Test
    void whatIfCopiesChangeOneFigure() {
        Usage usage = Usage.defaults().withRequestsPerMonth(BigDecimal.TEN).withBucketStorageGb("media", BigDecimal.ONE);

        assertThat(usage.requestsPerMonth()).isEqualByComparingTo("10");
        assertThat(usage.bucket("media").storageGb()).isEqualByComparingTo("1");
        assertThat(usage.bucket("media").classBOperations()).isEqualByComparingTo("50000");
        assertThat(usage.imageGb()).isEqualByComparingTo(Usage.defaults().imageGb());
    }

    private static Diagnostic only(UsageResult result) {
        assertThat(result.diagnostics()).hasSize(1);
        return result.diagnostics().get(0);
    }
}
