package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.GuideExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code terrace secrets} on the in-memory gateway: help, export and the import's questions. */
class SecretsCommandLineTest {

    @TempDir
    Path folder;

    @BeforeEach
    void applyGuideStack() {
        CliRun apply = run("", "apply", "--auto-approve");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
    }

    @Test
    void helpNamesEverySubcommand() {
        CliRun help = CliRun.of("secrets", "--help");

        assertThat(help.out()).contains("list", "versions", "add", "enable", "disable", "destroy", "import", "export",
                "never from an argument");
    }

    @Test
    void exportWritesNamesOnly() throws IOException {
        Path example = folder.resolve(".env.example");

        CliRun export = run("", "secrets", "export", "--output", example.toString());

        assertThat(export.out()).startsWith("Wrote the names of 8 secrets, without values, to ");
        assertThat(Files.readString(example)).contains("\nDATABASE_URL=\n", "\nEMAIL_HOST_PASSWORD=\n");
    }

    @Test
    void exportKeepsExistingEnvFile() throws IOException {
        Path env = folder.resolve(".env");
        Files.writeString(env, "EMAIL_HOST=smtp.example.com\n");

        CliRun export = run("", "secrets", "export", "--output", env.toString());

        assertThat(export.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(export.err()).contains("is not a .example file, so it may hold real values");
        assertThat(Files.readString(env)).isEqualTo("EMAIL_HOST=smtp.example.com\n");
    }

    @Test
    void importPreviewThenDeclined() throws IOException {
        Path env = folder.resolve("app.env");
        Files.writeString(env, "EMAIL_PORT=587\nSENTRY_DSN=https://key@sentry.invalid/1\n");

        CliRun declined = run("n\n", "secrets", "import", env.toString());

        assertThat(declined.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(declined.out()).contains("New secrets (created unmanaged, automatic replication): SENTRY_DSN",
                "New versions: EMAIL_PORT", "Unchanged: -", "Cancelled; nothing was changed.");
        CliRun list = run("", "secrets", "list");
        assertThat(list.out()).doesNotContain("SENTRY_DSN");
    }

    @Test
    void importRejectsBadEntries() throws IOException {
        Path env = folder.resolve("app.env");
        Files.writeString(env, "EMAIL_PORT=port\nEMAIL_HOST=smtp.example.com\n");

        CliRun rejected = run("y\n", "secrets", "import", env.toString());

        assertThat(rejected.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(rejected.out()).contains("Rejected:", "  - The value for secret EMAIL_PORT is not a port number.");
        assertThat(rejected.err()).contains("Nothing was imported, because 1 entry was rejected");
    }

    private CliRun run(String input, String... command) {
        String[] args = SecretsRuns.where(folder, GuideExample.path(), command);
        String[] memory = new String[args.length + 2];
        System.arraycopy(args, 0, memory, 0, args.length);
        memory[args.length] = "--gateway";
        memory[args.length + 1] = "memory";
        return CliRun.withInput(input, memory);
    }
}
