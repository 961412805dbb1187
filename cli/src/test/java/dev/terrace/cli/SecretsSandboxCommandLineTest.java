package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.GuideExample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code terrace secrets} on a sandbox where the guide's stack is applied: every operation, and
 * bad input rejected with a clear message and no version changed.
 */
class SecretsSandboxCommandLineTest {

    @TempDir
    static Path folder;

    @BeforeAll
    static void applyGuideStack() {
        CliRun apply = CliRun.of(SecretsRuns.where(folder, GuideExample.path(), "apply", "--auto-approve"));
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    }

    @Test
    void versionLifecycle() {
        CliRun add = run("smtp.example.com\n", "secrets", "add", "EMAIL_HOST");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).startsWith("Added version 2 to secret EMAIL_HOST.");

        CliRun disable = run("", "secrets", "disable", "EMAIL_HOST", "2");
        assertThat(disable.out()).startsWith("Version 2 of secret EMAIL_HOST is now DISABLED.");
        CliRun enable = run("", "secrets", "enable", "EMAIL_HOST", "2");
        assertThat(enable.out()).startsWith("Version 2 of secret EMAIL_HOST is now ENABLED.");
        CliRun declined = run("EMAIL\n", "secrets", "destroy", "EMAIL_HOST", "1");
        assertThat(declined.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(declined.err()).contains("was not confirmed");
        CliRun destroy = run("EMAIL_HOST\n", "secrets", "destroy", "EMAIL_HOST", "1");
        assertThat(destroy.exitCode()).as(destroy.err()).isZero();
        assertThat(destroy.out()).contains("Version 1 of secret EMAIL_HOST is now DESTROYED.");

        CliRun versions = run("", "secrets", "versions", "EMAIL_HOST");
        assertThat(versions.out()).containsPattern("\\n  2 +ENABLED +20")
                .containsPattern("\\n  1 +DESTROYED +20");
        CliRun list = run("", "secrets", "list");
        assertThat(list.out()).containsPattern("\\nDATABASE_URL +managed +[0-9]+ +[0-9]+ [A-Z]+ +automatic +run_service.web "
                + "DATABASE_URL@latest");
    }

    @Test
    void addFromFileAndGenerate() throws IOException {
        Path file = folder.resolve("port.txt");
        Files.writeString(file, "2525\n", StandardCharsets.UTF_8);

        CliRun fromFile = run("", "secrets", "add", "EMAIL_PORT", "--from-file", file.toString());
        CliRun generated = run("", "secrets", "add", "DJANGO_SECRET_KEY", "--generate");

        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(generated.out()).contains("a generated key of 50 characters, not shown",
                "run_service.web reads DJANGO_SECRET_KEY into SECRET_KEY at latest");
        CliRun both = run("", "secrets", "add", "EMAIL_PORT", "--generate", "--from-file", file.toString());
        assertThat(both.exitCode()).isNotZero();
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void destroyPinnedNeedsForce() throws IOException {
        Path pinned = folder.resolve("pinned.yaml");
        Files.writeString(pinned, GuideExample.text().replace("resources: {}", "resources:\n  run_job.migrate:\n"
                + "    secret_env:\n      DATABASE_URL:\n        secret: secret.DATABASE_URL\n        version: \"1\"\n"));
        run("postgres://app:pw@db.example.com/app?sslmode=require\n", "secrets", "add", "DATABASE_URL");

        CliRun refused = CliRun.withInput("DATABASE_URL\n", SecretsRuns.where(folder, pinned, "secrets", "destroy",
                "DATABASE_URL", "1"));
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(refused.out()).as("rejected before the name is requested").doesNotContain("Type the secret");
        assertThat(refused.err()).contains("pinned by run_job.migrate (DATABASE_URL)", "destroy --force");
        CliRun forced = CliRun.withInput("", SecretsRuns.where(folder, pinned, "secrets", "destroy", "DATABASE_URL",
                "1", "--auto-approve", "--force"));
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("run_job.migrate reads version 1 of DATABASE_URL into DATABASE_URL, which "
                + "is now DESTROYED: new instances of it fail to start");
    }

    @Test
    void badInputChangesNothing() {
        record Case(String input, String[] args, String message) {
        }
        Case[] cases = {
            new Case("", new String[] {"add", "GOOGLE_CLIENT_ID"}, "The value for secret GOOGLE_CLIENT_ID is empty."),
            new Case("a".repeat(65_537), new String[] {"add", "GOOGLE_CLIENT_ID"},
                "is 65537 bytes, over the Secret Manager limit of 65536 bytes"),
            new Case("a".repeat(70_000), new String[] {"add", "GOOGLE_CLIENT_ID"},
                "Standard input holds more than 65536 bytes"),
            new Case("x", new String[] {"add", "NO_SUCH_SECRET"}, "Secret NO_SUCH_SECRET not found"),
            new Case("", new String[] {"disable", "GOOGLE_CLIENT_ID", "9"}, "Secret GOOGLE_CLIENT_ID has no version 9."),
            new Case("", new String[] {"enable", "GOOGLE_CLIENT_ID", "latest"}, "Version \"latest\" of secret"),
            new Case("", new String[] {"add", "GOOGLE_CLIENT_ID", "typed-value"}, "never from an argument"),
            new Case("mysql://u:pw@db/app", new String[] {"add", "DATABASE_URL"}, "must start with postgres://"),
            new Case("99999", new String[] {"add", "EMAIL_PORT"}, "is not a port number"),
        };
        String before = versionsJson();

        for (Case rejected : cases) {
            String[] args = new String[rejected.args().length + 1];
            args[0] = "secrets";
            System.arraycopy(rejected.args(), 0, args, 1, rejected.args().length);
            CliRun run = run(rejected.input(), args);

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.ERROR);
            assertThat(run.err()).as(String.join(" ", args)).startsWith("Error: ").contains(rejected.message())
                    .doesNotContain("Exception", "typed-value", "pw@");
            assertThat(versionsJson()).as(String.join(" ", args)).isEqualTo(before);
        }
    }

    @Test
    void invalidUtf8RejectedForTextSecret() {
        String before = versionsJson();

        CliRun run = CliRun.withBytes(new byte[] {'o', 'k', (byte) 0xC3, (byte) 0x28},
                SecretsRuns.where(folder, GuideExample.path(), "secrets", "add", "GOOGLE_CLIENT_ID"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains("is not valid UTF-8 text");
        assertThat(versionsJson()).isEqualTo(before);
    }

    private static String versionsJson() {
        CliRun list = run("", "secrets", "list", "--json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        return list.out();
    }

    private static CliRun run(String input, String... args) {
        return CliRun.withInput(input, SecretsRuns.where(folder, GuideExample.path(), args));
    }
}
