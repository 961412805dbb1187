package dev.terrace.desktop.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.memory.MemoryGateway;
import dev.terrace.core.port.SecretVersion;
import dev.terrace.core.secret.ImportPreview;
import dev.terrace.core.secret.SecretEditor;
import dev.terrace.core.secret.SecretEntry;
import dev.terrace.core.secret.SecretFixture;
import dev.terrace.core.stack.Stack;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.status.ManualTimer;
import dev.terrace.desktop.status.Waiting;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.desktop.task.UiExecutor;
import dev.terrace.session.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secret editor's view model on the in-memory cloud, with the migrate job pinning DATABASE_URL at 1. */
class SecretsViewModelTest {

    private static final String DATABASE_URL = "postgres://app:s3cret@db.example.com/app?sslmode=require";

    @TempDir
    Path stateDir;

    @TempDir
    Path files;

    private final MemoryGateway gateway = Guide.freshCloud();
    private final Stack stack = SecretFixture.pinnedStack();
    private final ManualTimer timer = new ManualTimer();
    private final FakeClipboard clipboard = new FakeClipboard();
    private final BackgroundRunner runner = new BackgroundRunner(2, UiExecutor.INLINE);
    private final ConsoleModel model = new ConsoleModel(runner, 0);
    private SecretsViewModel viewModel;

    @BeforeEach
    void open() {
        SecretFixture.createSecrets(gateway, stack, List.of("EMAIL_HOST_PASSWORD"));
        viewModel = new SecretsViewModel(model, timer, clipboard);
        model.setWorkspace(new Workspace(stack, gateway, stateDir));
        idle();
    }

    @AfterEach
    void close() {
        viewModel.close();
        runner.close();
        gateway.close();
    }

    private void idle() {
        Waiting.until("the secret editor to finish", () -> !viewModel.busyProperty().get());
    }

    private void select(String secretId) {
        SecretEntry entry = viewModel.secrets().stream().filter(secret -> secret.secretId().equals(secretId))
                .findFirst().orElseThrow(() -> new AssertionError("no secret " + secretId));
        viewModel.selectedProperty().set(entry);
    }

    private void add(String secretId, String value) {
        select(secretId);
        viewModel.addVersion(value.toCharArray());
        idle();
        assertThat(viewModel.problemProperty().get()).as("problem after adding to " + secretId).isEmpty();
    }

    private List<SecretVersion> versions(String secretId) {
        return gateway.secretValues().versions(secretId);
    }

    private String state(String version) {
        return viewModel.selectedProperty().get().version(version).map(SecretVersion::state).orElse("missing");
    }

    @Test
    void listMarksUnmanagedAndMissing() {
        List<SecretEntry> secrets = viewModel.secrets();

        assertThat(secrets).extracting(SecretEntry::secretId).startsWith("DATABASE_URL").endsWith("LEGACY_TOKEN");
        assertThat(secrets.get(secrets.size() - 1).managed()).isFalse();
        assertThat(secrets.get(0).managed()).isTrue();
        assertThat(secrets).filteredOn(secret -> secret.secretId().equals("EMAIL_HOST_PASSWORD"))
                .extracting(SecretEntry::exists).containsExactly(false);
        assertThat(viewModel.selectedProperty().get().secretId()).isEqualTo("DATABASE_URL");
    }

    @Test
    void addVersionShowsImpactAndWipes() {
        select("DATABASE_URL");
        char[] value = DATABASE_URL.toCharArray();

        viewModel.addVersion(value);
        idle();

        assertThat(viewModel.problemProperty().get()).isEmpty();
        assertThat(versions("DATABASE_URL")).extracting(SecretVersion::version).containsExactly("1");
        assertThat(viewModel.selectedProperty().get().versions()).extracting(SecretVersion::state)
                .containsExactly("ENABLED");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Version 1 of DATABASE_URL is now enabled.");
        assertThat(viewModel.impactNotes()).anyMatch(note -> note.startsWith("run_service.web reads DATABASE_URL"));
        assertThat(viewModel.impactNotes()).anyMatch(note -> note.startsWith("The console cannot roll out"));
        assertThat(value).containsOnly('\0');
    }

    @Test
    void ruleShownForKnownSecret() {
        select("DATABASE_URL");

        assertThat(viewModel.rule()).contains("sslmode=require").contains("65536 bytes");

        select("EMAIL_PORT");

        assertThat(viewModel.rule()).contains("port number");
    }

    @Test
    void addRejectedLeavesCloudUnchanged() {
        add("DATABASE_URL", DATABASE_URL);
        record Case(String secret, char[] value, String expected) {
        }
        char[] oversized = new char[SecretEditor.MAX_VALUE_BYTES + 1];
        Arrays.fill(oversized, 'a');
        List<Case> cases = List.of(
                new Case("EMAIL_HOST", new char[0], "is empty"),
                new Case("EMAIL_HOST", oversized, "over the Secret Manager limit of 65536 bytes"),
                new Case("DATABASE_URL", "mysql://app:s3cret@db/app".toCharArray(), "postgres://"),
                new Case("DATABASE_URL", "postgres://app:s3cret@db/app".toCharArray(), "sslmode=require"),
                new Case("EMAIL_PORT", "seventy".toCharArray(), "not a port number"));

        for (Case rejected : cases) {
            List<SecretVersion> before = versions(rejected.secret());
            select(rejected.secret());

            viewModel.addVersion(rejected.value());
            idle();

            assertThat(viewModel.problemProperty().get()).as(rejected.expected()).contains(rejected.expected())
                    .contains(rejected.secret()).doesNotContain("s3cret");
            assertThat(versions(rejected.secret())).as("versions of " + rejected.secret()).isEqualTo(before);
            assertThat(rejected.value()).as("wiped input").isEqualTo(new char[rejected.value().length]);
        }
    }

    @Test
    void addFromFileAndGeneratedKey() throws IOException {
        Path file = files.resolve("host.txt");
        Files.writeString(file, "mail.example.com");
        select("EMAIL_HOST");

        viewModel.addVersionFromFile(file);
        idle();
        select("DJANGO_SECRET_KEY");
        viewModel.addGeneratedKey();
        idle();

        assertThat(viewModel.problemProperty().get()).isEmpty();
        assertThat(versions("EMAIL_HOST")).hasSize(1);
        assertThat(versions("DJANGO_SECRET_KEY")).hasSize(1);
        assertThat(gateway.secretValues().access("DJANGO_SECRET_KEY", "1")).hasSize(50);
    }

    @Test
    void unreadableFileNamesFile() {
        select("EMAIL_HOST");

        viewModel.addVersionFromFile(files.resolve("absent.txt"));
        idle();

        assertThat(viewModel.problemProperty().get()).contains("absent.txt").contains("Could not read");
        assertThat(versions("EMAIL_HOST")).isEmpty();
    }

    @Test
    void disableThenEnable() {
        add("EMAIL_HOST", "mail.example.com");

        viewModel.disable("1");
        idle();

        assertThat(state("1")).isEqualTo("DISABLED");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Version 1 of EMAIL_HOST is now disabled.");

        viewModel.enable("1");
        idle();

        assertThat(state("1")).isEqualTo("ENABLED");
        assertThat(viewModel.problemProperty().get()).isEmpty();
    }

    @Test
    void destroyRejectedWhilePinned() {
        add("DATABASE_URL", DATABASE_URL);
        AtomicBoolean allowed = new AtomicBoolean();

        viewModel.checkDestroy("1", false, () -> allowed.set(true));
        idle();

        assertThat(allowed).isFalse();
        assertThat(viewModel.problemProperty().get()).contains("pinned by run_job.migrate");

        viewModel.destroy("1", "DATABASE_URL", false);
        idle();

        assertThat(state("1")).isEqualTo("ENABLED");
        assertThat(viewModel.problemProperty().get()).contains("pinned");

        viewModel.checkDestroy("1", true, () -> allowed.set(true));
        idle();

        assertThat(allowed).isTrue();
    }

    @Test
    void destroyRejectedForWrongName() {
        add("EMAIL_HOST", "mail.example.com");

        viewModel.destroy("1", "EMAIL_HOS", false);
        idle();

        assertThat(state("1")).isEqualTo("ENABLED");
        assertThat(viewModel.problemProperty().get()).contains("the name typed did not match EMAIL_HOST");

        viewModel.destroy("1", "EMAIL_HOST", false);
        idle();

        assertThat(state("1")).isEqualTo("DESTROYED");
        assertThat(viewModel.impactNotes()).isNotEmpty();
    }

    @Test
    void destroyUnknownVersionRejected() {
        add("EMAIL_HOST", "mail.example.com");

        viewModel.destroy("7", "EMAIL_HOST", false);
        idle();

        assertThat(viewModel.problemProperty().get()).contains("has no version 7");
    }

    @Test
    void compareSaysSameOrDifferent() {
        add("EMAIL_HOST", "mail.example.com");
        add("EMAIL_HOST", "mail.example.com");
        add("EMAIL_HOST", "smtp.example.org!");

        viewModel.compare("1", "2");
        idle();

        assertThat(viewModel.comparisonProperty().get())
                .isEqualTo("Versions 1 and 2 of EMAIL_HOST contain the same value (16 bytes).");

        viewModel.compare("1", "3");
        idle();

        assertThat(viewModel.comparisonProperty().get()).isEqualTo("Versions 1 and 3 of EMAIL_HOST differ: 16 and 17 bytes.");
    }

    @Test
    void importPreviewThenApply() {
        add("EMAIL_HOST", "mail.example.com");
        add("EMAIL_PORT", "587");
        byte[] file = ("EMAIL_HOST=smtp.example.org\nEMAIL_PORT=587\nEXTRA_TOKEN=abc\n").getBytes(StandardCharsets.UTF_8);

        viewModel.previewImport(file);
        idle();

        ImportPreview preview = viewModel.importPreviewProperty().get();
        assertThat(preview.newSecrets()).containsExactly("EXTRA_TOKEN");
        assertThat(preview.newVersions()).containsExactly("EMAIL_HOST");
        assertThat(preview.unchanged()).containsExactly("EMAIL_PORT");
        assertThat(preview.rejected()).isEmpty();
        assertThat(file).containsOnly((byte) 0);
        assertThat(versions("EMAIL_HOST")).hasSize(1);

        viewModel.applyImport();
        idle();

        assertThat(viewModel.problemProperty().get()).isEmpty();
        assertThat(viewModel.importPreviewProperty().get()).isNull();
        assertThat(versions("EMAIL_HOST")).hasSize(2);
        assertThat(versions("EXTRA_TOKEN")).hasSize(1);
        assertThat(versions("EMAIL_PORT")).hasSize(1);
        assertThat(viewModel.messageProperty().get()).isEqualTo("2 versions were added from the .env file.");
        assertThat(viewModel.secrets()).extracting(SecretEntry::secretId).contains("EXTRA_TOKEN");
    }

    @Test
    void importPreviewShowsRejectedAndCancelChangesNothing() {
        byte[] file = "EMAIL_PORT=abc\nEMAIL_HOST=mail\n".getBytes(StandardCharsets.UTF_8);

        viewModel.previewImport(file);
        idle();

        ImportPreview preview = viewModel.importPreviewProperty().get();
        assertThat(preview.rejected()).singleElement().asString().contains("EMAIL_PORT").doesNotContain("abc");
        assertThat(preview.newVersions()).containsExactly("EMAIL_HOST");

        viewModel.cancelImport();
        viewModel.applyImport();
        idle();

        assertThat(viewModel.importPreviewProperty().get()).isNull();
        assertThat(versions("EMAIL_HOST")).isEmpty();
        assertThat(versions("EMAIL_PORT")).isEmpty();
    }

    @Test
    void exportWritesNamesOnly() throws IOException {
        add("EMAIL_HOST", "mail.example.com");
        Path target = files.resolve(".env.example");

        viewModel.exportExample(target);
        idle();

        String written = Files.readString(target);
        assertThat(written).contains("DATABASE_URL=").contains("EMAIL_HOST=").contains("LEGACY_TOKEN=");
        assertThat(written).doesNotContain("mail.example.com");
        assertThat(viewModel.messageProperty().get()).contains(target.toString());
    }

    @Test
    void revealHidesAfterTimeout() {
        select("EMAIL_HOST");

        viewModel.reveal();

        assertThat(viewModel.revealedProperty().get()).isTrue();
        assertThat(timer.periods()).containsExactly(Duration.ofSeconds(20));

        timer.tick();

        assertThat(viewModel.revealedProperty().get()).isFalse();
        assertThat(timer.periods()).isEmpty();
    }

    @Test
    void revealCoversOneSecret() {
        select("EMAIL_HOST");
        viewModel.reveal();

        select("EMAIL_PORT");

        assertThat(viewModel.revealedProperty().get()).isFalse();
        assertThat(timer.periods()).isEmpty();
    }

    @Test
    void clipboardClearedAfterTimeout() {
        char[] value = "mail-password".toCharArray();

        viewModel.copy(value);

        assertThat(clipboard.text()).isEqualTo("mail-password");
        assertThat(value).containsOnly('\0');
        assertThat(timer.periods()).containsExactly(Duration.ofSeconds(30));

        timer.tick();

        assertThat(clipboard.text()).isNull();
        assertThat(timer.periods()).isEmpty();
    }

    @Test
    void clipboardKeptWhenReplaced() {
        viewModel.copy("mail-password".toCharArray());
        clipboard.put("something the user copied later");

        timer.tick();

        assertThat(clipboard.text()).isEqualTo("something the user copied later");
    }
}
