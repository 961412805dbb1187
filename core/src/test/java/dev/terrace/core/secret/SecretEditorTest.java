package dev.terrace.core.secret;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.terrace.core.Guide;
import dev.terrace.core.memory.MemoryGateway;
import dev.terrace.core.port.SecretVersion;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The secret editor's use cases on the in-memory gateway. */
class SecretEditorTest {

    private static final String DATABASE_URL = "postgres://app:hunter2@db.example.com/app?sslmode=require";

    private MemoryGateway gateway;
    private SecretEditor editor;

    @BeforeEach
    void open() {
        gateway = Guide.freshCloud();
        editor = SecretFixture.editor(gateway);
    }

    @AfterEach
    void close() {
        gateway.close();
    }

    @Test
    void listShowsStackSecretsThenUnmanaged() {
        List<SecretEntry> entries = editor.list();

        assertThat(entries).extracting(SecretEntry::secretId).containsExactly("DATABASE_URL", "DJANGO_SECRET_KEY",
                "GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER",
                "EMAIL_HOST_PASSWORD", "LEGACY_TOKEN");
        SecretEntry legacy = entries.get(8);
        assertThat(legacy.managed()).isFalse();
        assertThat(legacy.replication()).isEqualTo("user-managed");
        assertThat(legacy.replicaLocations()).containsExactly("us-east1");
        assertThat(legacy.labels()).containsEntry("team", "ops");
        assertThat(entries.get(0).managed()).isTrue();
        assertThat(entries.get(0).labels()).containsEntry("managed-by", "terrace");
        assertThat(entries.get(7).exists()).isFalse();
    }

    @Test
    void readersNameEnvVarAndVersion() {
        List<SecretReader> readers = editor.secret("DATABASE_URL").readers();

        assertThat(readers).contains(new SecretReader(dev.terrace.core.model.Address.parse("run_service.web"),
                "DATABASE_URL", "latest"));
        assertThat(readers).contains(new SecretReader(SecretFixture.MIGRATE, "DATABASE_URL", "1"));
        assertThat(editor.secret("DJANGO_SECRET_KEY").readers()).extracting(SecretReader::envVar).contains("SECRET_KEY");
        assertThat(editor.secret("LEGACY_TOKEN").readers()).isEmpty();
    }

    @Test
    void addVersionListsNewestFirstWithImpact() {
        editor.addVersion("DATABASE_URL", DATABASE_URL.toCharArray());
        SecretChange second = editor.addVersion("DATABASE_URL", DATABASE_URL.replace("app?", "app2?").toCharArray());

        assertThat(second.version().version()).isEqualTo("2");
        assertThat(editor.secret("DATABASE_URL").versions()).extracting(SecretVersion::version).containsExactly("2", "1");
        assertThat(second.impact().rolloutSuggested()).isTrue();
        assertThat(second.impact().notes()).anyMatch(note -> note.startsWith(
                "run_service.web reads DATABASE_URL into DATABASE_URL at latest: instances that start from now on get version 2"));
        assertThat(second.impact().notes()).anyMatch(note -> note.startsWith("run_job.migrate pins version 1"));
    }

    @Test
    void addVersionRejectsBadInputUnchanged() {
        editor.addVersion("EMAIL_PORT", "587".toCharArray());
        record Case(String secret, byte[] value, String reason) {
        }
        List<Case> cases = List.of(
                new Case("EMAIL_HOST", new byte[0], "secret.empty"),
                new Case("EMAIL_HOST", filled(SecretValueCheck.MAX_BYTES + 1), "secret.too_large"),
                new Case("EMAIL_HOST", new byte[] {'a', (byte) 0xC3, (byte) 0x28}, "secret.not_utf8"),
                new Case("DATABASE_URL", bytes("mysql://app:pw@db/app?sslmode=require"), "secret.database_url"),
                new Case("DATABASE_URL", bytes("postgres://app:pw@db/app"), "secret.database_url"),
                new Case("DATABASE_URL", bytes("postgres://app:pw@db/app?sslmode=disable"), "secret.database_url"),
                new Case("DATABASE_URL", bytes("postgres://app:pw@/app?sslmode=require"), "secret.database_url"),
                new Case("EMAIL_PORT", bytes("70000"), "secret.email_port"),
                new Case("EMAIL_PORT", bytes("0"), "secret.email_port"),
                new Case("EMAIL_PORT", bytes("587\n"), "secret.email_port"),
                new Case("NO_SUCH_SECRET", bytes("x"), "secret.unknown"),
                new Case("EMAIL_HOST_PASSWORD", bytes("x"), "secret.not_created"));

        for (Case rejected : cases) {
            List<SecretVersion> before = gateway.secretValues().secrets().stream()
                    .flatMap(secret -> gateway.secretValues().versions(secret.secretId()).stream()).toList();
            SecretInputException failure = catchThrowableOfType(SecretInputException.class,
                    () -> editor.addVersion(rejected.secret(), rejected.value()));

            assertThat(failure).as(rejected.reason()).isNotNull();
            assertThat(failure.reasonKey()).as(rejected.secret()).isEqualTo(rejected.reason());
            assertThat(failure.getMessage()).contains(rejected.secret()).doesNotContain("pw@");
            assertThat(gateway.secretValues().secrets().stream()
                    .flatMap(secret -> gateway.secretValues().versions(secret.secretId()).stream()).toList())
                    .isEqualTo(before);
        }
    }

    @Test
    void databaseUrlRejectionGivesReason() {
        SecretInputException failure = catchThrowableOfType(SecretInputException.class,
                () -> editor.addVersion("DATABASE_URL", "postgres://app:pw@db/app".toCharArray()));

        assertThat(failure.getMessage()).contains("sslmode=require");
    }

    @Test
    void addVersionAcceptsLimitAndBinaryForUnmanaged() {
        byte[] atLimit = filled(SecretValueCheck.MAX_BYTES);

        assertThat(editor.addVersion("EMAIL_HOST", atLimit).version().version()).isEqualTo("1");
        assertThat(editor.addVersion("LEGACY_TOKEN", new byte[] {(byte) 0xC3, (byte) 0x28}).version().version())
                .isEqualTo("1");
        assertThat(editor.addVersion("EMAIL_PORT", "65535".toCharArray()).version().version()).isEqualTo("1");
    }

    @Test
    void stateChangesRejectUnknownVersions() {
        editor.addVersion("EMAIL_HOST", "smtp.example.com".toCharArray());

        SecretInputException missing = catchThrowableOfType(SecretInputException.class,
                () -> editor.disable("EMAIL_HOST", "7"));
        SecretInputException invalid = catchThrowableOfType(SecretInputException.class,
                () -> editor.enable("EMAIL_HOST", "latest"));

        assertThat(missing.getMessage()).isEqualTo("Secret EMAIL_HOST has no version 7. Its versions are: 1. "
                + "Run terrace secrets versions EMAIL_HOST to see them.");
        assertThat(invalid.reasonKey()).isEqualTo("secret.version_invalid");
    }

    @Test
    void disableNewestWarnsLatestReaders() {
        editor.addVersion("DJANGO_SECRET_KEY", DjangoKey.generate());

        SecretChange disabled = editor.disable("DJANGO_SECRET_KEY", "1");

        assertThat(disabled.version().state()).isEqualTo("DISABLED");
        assertThat(disabled.impact().notes()).anyMatch(note -> note.contains("now DISABLED: new instances of it fail"));
        assertThat(disabled.impact().rolloutSuggested()).isFalse();
        SecretChange enabled = editor.enable("DJANGO_SECRET_KEY", "1");
        assertThat(enabled.version().state()).isEqualTo("ENABLED");
        assertThat(enabled.impact().rolloutSuggested()).isTrue();
    }

    @Test
    void destroyPinnedNeedsForce() {
        editor.addVersion("DATABASE_URL", DATABASE_URL.toCharArray());
        editor.addVersion("DATABASE_URL", DATABASE_URL.toCharArray());

        SecretInputException pinned = catchThrowableOfType(SecretInputException.class,
                () -> editor.destroy("DATABASE_URL", "1", "DATABASE_URL", false));
        SecretInputException unconfirmed = catchThrowableOfType(SecretInputException.class,
                () -> editor.destroy("DATABASE_URL", "2", "DATABASE", false));

        assertThat(pinned.getMessage()).contains("pinned by run_job.migrate (DATABASE_URL)");
        assertThat(editor.checkDestroy("DATABASE_URL", "2", false).state()).isEqualTo("ENABLED");
        assertThat(catchThrowableOfType(SecretInputException.class,
                () -> editor.checkDestroy("DATABASE_URL", "1", false)).reasonKey()).isEqualTo("secret.destroy_pinned");
        assertThat(unconfirmed.reasonKey()).isEqualTo("secret.destroy_unconfirmed");
        assertThat(editor.secret("DATABASE_URL").versions()).extracting(SecretVersion::state)
                .containsExactly("ENABLED", "ENABLED");
        SecretChange forced = editor.destroy("DATABASE_URL", "1", "DATABASE_URL", true);
        assertThat(forced.version().state()).isEqualTo("DESTROYED");
        assertThat(forced.impact().notes()).anyMatch(note -> note.startsWith("run_job.migrate reads version 1"));
        SecretInputException again = catchThrowableOfType(SecretInputException.class,
                () -> editor.enable("DATABASE_URL", "1"));
        assertThat(again.reasonKey()).isEqualTo("secret.version_destroyed");
    }

    @Test
    void compareTellsSameAndLengthsOnly() {
        editor.addVersion("EMAIL_HOST", "smtp.example.com".toCharArray());
        editor.addVersion("EMAIL_HOST", "smtp.example.com".toCharArray());
        editor.addVersion("EMAIL_HOST", "mail.example.org.".toCharArray());

        VersionComparison same = editor.compare("EMAIL_HOST", "1", "2");
        VersionComparison different = editor.compare("EMAIL_HOST", "2", "3");

        assertThat(same.same()).isTrue();
        assertThat(different.same()).isFalse();
        assertThat(different.firstBytes()).isEqualTo(16);
        assertThat(different.secondBytes()).isEqualTo(17);
        assertThat(different.toString()).doesNotContain("example");
        editor.disable("EMAIL_HOST", "3");
        assertThat(catchThrowableOfType(SecretInputException.class, () -> editor.compare("EMAIL_HOST", "1", "3"))
                .reasonKey()).isEqualTo("secret.compare_not_enabled");
    }

    @Test
    void generatedKeyIsFiftyUrlSafeCharacters() {
        char[] first = DjangoKey.generate();
        char[] second = DjangoKey.generate();

        assertThat(first).hasSize(50);
        assertThat(new String(first)).matches("[A-Za-z0-9_-]{50}");
        assertThat(Arrays.equals(first, second)).isFalse();
        SecretChange added = editor.addGeneratedDjangoKey("DJANGO_SECRET_KEY");
        assertThat(gateway.secretValues().access("DJANGO_SECRET_KEY", added.version().version())).hasSize(50);
    }

    @Test
    void exampleEnvHasNamesWithoutValues() {
        editor.addVersion("EMAIL_HOST", "smtp.example.com".toCharArray());

        String example = editor.exampleEnv();

        assertThat(example).contains("\nDATABASE_URL=\n", "\nEMAIL_HOST=\n", "\nLEGACY_TOKEN=\n");
        assertThat(example).doesNotContain("smtp.example.com");
    }

    static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    static byte[] filled(int length) {
        byte[] value = new byte[length];
        Arrays.fill(value, (byte) 'a');
        return value;
    }
}
