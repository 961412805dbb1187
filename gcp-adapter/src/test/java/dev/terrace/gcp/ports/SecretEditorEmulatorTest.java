package dev.terrace.gcp.ports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.terrace.core.port.SecretVersion;
import dev.terrace.core.secret.EnvImport;
import dev.terrace.core.secret.ImportPreview;
import dev.terrace.core.secret.SecretChange;
import dev.terrace.core.secret.SecretEditor;
import dev.terrace.core.secret.SecretEntry;
import dev.terrace.core.secret.SecretFixture;
import dev.terrace.core.secret.SecretInputException;
import dev.terrace.core.secret.VersionComparison;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.gcp.GcpGateway;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each secret editor operation through the official Secret Manager client against the emulator. */
class SecretEditorEmulatorTest {

    private static final String PROJECT = "mycoolproject-prod";

    private Emulator emulator;
    private GcpGateway gateway;
    private SecretEditor editor;

    @BeforeEach
    void start() {
        emulator = Emulator.start(EmulatorConfig.builder().projectId(PROJECT).build());
        gateway = GcpGateway.sandbox(PROJECT, "southamerica-east1", emulator.endpoints().grpcTarget(),
                emulator.endpoints().storageHost());
        editor = SecretFixture.editor(gateway);
    }

    @AfterEach
    void stop() {
        gateway.close();
        emulator.close();
    }

    @Test
    void listMarksUnmanagedWithReplication() {
        List<SecretEntry> entries = editor.list();

        assertThat(entries).hasSize(9);
        SecretEntry legacy = entries.get(8);
        assertThat(legacy.secretId()).isEqualTo("LEGACY_TOKEN");
        assertThat(legacy.managed()).isFalse();
        assertThat(legacy.replicaLocations()).containsExactly("us-east1");
        assertThat(legacy.labels()).containsEntry("team", "ops");
        assertThat(entries.get(7).exists()).isFalse();
    }

    @Test
    void addListsVersionsNewestFirst() {
        editor.addVersion("EMAIL_HOST", "smtp.example.com".toCharArray());
        SecretChange second = editor.addVersion("EMAIL_HOST", "mail.example.com".toCharArray());

        SecretEntry entry = editor.secret("EMAIL_HOST");
        assertThat(second.version().version()).isEqualTo("2");
        assertThat(entry.versions()).extracting(SecretVersion::version).containsExactly("2", "1");
        assertThat(entry.versions().get(0).createTime()).isNotNull();
        assertThat(new String(gateway.secretValues().access("EMAIL_HOST", "latest"), UTF_8))
                .isEqualTo("mail.example.com");
    }

    @Test
    void disableEnableAndDestroy() {
        editor.addVersion("DATABASE_URL", "postgres://u:p@db.example.com/app?sslmode=require".toCharArray());
        editor.addVersion("DATABASE_URL", "postgres://u:q@db.example.com/app?sslmode=require".toCharArray());

        assertThat(editor.disable("DATABASE_URL", "2").version().state()).isEqualTo("DISABLED");
        assertThat(editor.enable("DATABASE_URL", "2").version().state()).isEqualTo("ENABLED");
        SecretInputException pinned = catchThrowableOfType(SecretInputException.class,
                () -> editor.destroy("DATABASE_URL", "1", "DATABASE_URL", false));
        assertThat(pinned.reasonKey()).isEqualTo("secret.destroy_pinned");
        assertThat(editor.destroy("DATABASE_URL", "2", "DATABASE_URL", false).version().state())
                .isEqualTo("DESTROYED");
        assertThat(editor.secret("DATABASE_URL").versions()).extracting(SecretVersion::state)
                .containsExactly("DESTROYED", "ENABLED");
    }

    @Test
    void compareWithoutRevealing() {
        editor.addVersion("EMAIL_PORT", "587".toCharArray());
        editor.addVersion("EMAIL_PORT", "2525".toCharArray());

        VersionComparison comparison = editor.compare("EMAIL_PORT", "1", "2");

        assertThat(comparison.same()).isFalse();
        assertThat(comparison.firstBytes()).isEqualTo(3);
        assertThat(comparison.secondBytes()).isEqualTo(4);
    }

    @Test
    void generatedKeyIsStored() {
        SecretChange added = editor.addGeneratedDjangoKey("DJANGO_SECRET_KEY");

        assertThat(new String(gateway.secretValues().access("DJANGO_SECRET_KEY", added.version().version()), UTF_8))
                .matches("[A-Za-z0-9_-]{50}");
    }

    @Test
    void importCreatesAndAddsVersions() {
        editor.addVersion("EMAIL_HOST", "smtp.example.com".toCharArray());
        String file = "EMAIL_HOST=smtp.example.com\nEMAIL_PORT=587\nSENTRY_DSN=https://k@sentry.invalid/1\n";

        try (EnvImport envImport = editor.importEnv(file.getBytes(UTF_8))) {
            ImportPreview preview = envImport.preview();
            assertThat(preview.unchanged()).containsExactly("EMAIL_HOST");
            assertThat(preview.newVersions()).containsExactly("EMAIL_PORT");
            assertThat(preview.newSecrets()).containsExactly("SENTRY_DSN");

            envImport.apply();
        }
        assertThat(editor.secret("SENTRY_DSN").versions()).hasSize(1);
        assertThat(editor.secret("EMAIL_HOST").versions()).hasSize(1);
    }

    @Test
    void badInputIsRejectedBeforeTheCloud() {
        editor.addVersion("EMAIL_PORT", "587".toCharArray());

        assertThat(catchThrowableOfType(SecretInputException.class,
                () -> editor.addVersion("EMAIL_PORT", new byte[65_537])).reasonKey()).isEqualTo("secret.too_large");
        assertThat(catchThrowableOfType(SecretInputException.class,
                () -> editor.addVersion("EMAIL_PORT", new byte[0])).reasonKey()).isEqualTo("secret.empty");
        assertThat(catchThrowableOfType(SecretInputException.class,
                () -> editor.disable("EMAIL_PORT", "9")).reasonKey()).isEqualTo("secret.version_missing");
        assertThat(catchThrowableOfType(SecretInputException.class,
                () -> editor.disable("MISSING", "1")).reasonKey()).isEqualTo("secret.unknown");
        assertThat(editor.secret("EMAIL_PORT").versions()).extracting(SecretVersion::state).containsExactly("ENABLED");
    }
}
