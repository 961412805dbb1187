package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.core.GuideExample;
import dev.terrace.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostCommandTest {

    @TempDir
    Path folder;

    @Test
    void guideCostPrintsTableAndTotal() {
        CliRun run = CliRun.of("cost", "--stack", GuideExample.path().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Monthly cost of stack mycoolproject in southamerica-east1 (price tier2)");
        assertThat(run.out()).contains("Price book 2026.11-1, figures checked 2026-11.");
        assertThat(run.out()).contains("     $5.18  run_job.worker                  Cloud Run instance-based CPU");
        assertThat(run.out()).contains("Total: $6.99 per month");
        assertThat(run.out()).contains("  Cloud Run                                     $5.22");
    }

    @Test
    void usageFileChangesTheEstimate() throws IOException {
        Path usage = folder.resolve("usage.yaml");
        Files.writeString(usage, "requests_per_month: 10000000\n");

        CliRun run = CliRun.of("cost", "--usage", usage.toString(), "--stack", GuideExample.path().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Total: $75.67 per month");
    }

    @Test
    void jsonCarriesLinesAndTotal() throws IOException {
        CliRun run = CliRun.of("cost", "--json", "--stack", GuideExample.path().toString());

        JsonNode root = Json.mapper().readTree(run.out());
        assertThat(root.get("total").decimalValue()).isEqualByComparingTo("6.99181");
        assertThat(root.get("price_book").get("checked").asText()).isEqualTo("2026-11");
        assertThat(root.get("lines").get(0).get("address").asText()).isEqualTo("run_job.worker");
        assertThat(root.get("lines").get(0).get("formula").asText()).startsWith("438,000 vCPU-s × $0.0000216");
        assertThat(root.get("by_service").get("Cloud Run").decimalValue()).isEqualByComparingTo("5.21856");
    }

    @Test
    void invalidUsageFileNamesKeyAndLine() throws IOException {
        Path usage = folder.resolve("usage.yaml");
        Files.writeString(usage, "log_gib: 2\nrequests_per_month: -1\n");

        CliRun run = CliRun.of("cost", "--usage", usage.toString(), "--stack", GuideExample.path().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("error: Usage requests_per_month is negative\n  at " + usage
                + ":2:1, field requests_per_month = \"-1\"");
        assertThat(run.err()).contains("Error: The usage assumptions have 1 error, 0 warnings;");
    }

    @Test
    void unknownKeyInStackUsageFailsValidation() throws IOException {
        Path stack = folder.resolve("terrace.yaml");
        Files.writeString(stack, GuideExample.text() + "usage:\n  requests: 5\n");

        CliRun run = CliRun.of("cost", "--stack", stack.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error: Unknown usage key \"requests\"", "field usage.requests = \"5\"",
                "Fix: Use one of: buckets, concurrency, image_gb, jobs,");
    }
}
