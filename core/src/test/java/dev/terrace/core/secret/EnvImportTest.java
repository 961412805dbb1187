package dev.terrace.core.secret;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.terrace.core.Guide;
import dev.terrace.core.memory.MemoryGateway;
import dev.terrace.core.port.SecretVersion;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Importing a .env file: the preview, the import, and the parser's rules. */
class EnvImportTest {

    private MemoryGateway gateway;
    private SecretEditor editor;

    @BeforeEach
    void open() {
        gateway = Guide.freshCloud();
        editor = SecretFixture.editor(gateway);
        editor.addVersion("EMAIL_HOST", "smtp.example.com".toCharArray());
        editor.addVersion("EMAIL_PORT", "587".toCharArray());
    }

    @AfterEach
    void close() {
        gateway.close();
    }

    @Test
    void previewSortsNewChangedAndUnchanged() {
        String file = "# mail\nexport EMAIL_HOST=smtp.example.com\nEMAIL_PORT=\"465\"\nSENTRY_DSN='https://k@sentry.invalid/1'\n";

        try (EnvImport envImport = editor.importEnv(file.getBytes(UTF_8))) {
            ImportPreview preview = envImport.preview();

            assertThat(preview.newSecrets()).containsExactly("SENTRY_DSN");
            assertThat(preview.newVersions()).containsExactly("EMAIL_PORT");
            assertThat(preview.unchanged()).containsExactly("EMAIL_HOST");
            assertThat(preview.rejected()).isEmpty();
            assertThat(preview.toString()).doesNotContain("465", "sentry.invalid");

            assertThat(envImport.apply()).hasSize(2);
        }
        assertThat(gateway.secretValues().versions("EMAIL_PORT")).hasSize(2);
        assertThat(new String(gateway.secretValues().access("SENTRY_DSN", "1"), UTF_8))
                .isEqualTo("https://k@sentry.invalid/1");
        assertThat(editor.secret("SENTRY_DSN").managed()).isFalse();
    }

    @Test
    void importWithRejectionChangesNothing() {
        String file = "EMAIL_PORT=465\nDATABASE_URL=postgres://u:p@db/app\nEMAIL_HOST_PASSWORD=x\nNEW_ONE=y\n";

        try (EnvImport envImport = editor.importEnv(file.getBytes(UTF_8))) {
            ImportPreview preview = envImport.preview();
            SecretInputException failure = catchThrowableOfType(SecretInputException.class, envImport::apply);

            assertThat(preview.rejected()).hasSize(2);
            assertThat(preview.rejected().get(0)).contains("DATABASE_URL", "sslmode=require");
            assertThat(preview.rejected().get(1)).contains("EMAIL_HOST_PASSWORD", "terrace apply");
            assertThat(failure.getMessage()).startsWith("Nothing was imported, because 2 entries");
        }
        assertThat(gateway.secretValues().versions("EMAIL_PORT")).extracting(SecretVersion::version)
                .containsExactly("1");
        assertThat(gateway.secretValues().secrets()).noneMatch(secret -> secret.secretId().equals("NEW_ONE"));
    }

    @Test
    void parserReadsQuotesEscapesAndComments() {
        String file = "A=plain value # comment\nB=\"line one\\nline two\"\nC='kept \\n as is'\nD=\"multi\nline\"\n"
                + "\n   # indented comment\nE=a#b\n";

        List<EnvEntry> entries = EnvFile.parse(file.getBytes(UTF_8));

        assertThat(entries).extracting(EnvEntry::name).containsExactly("A", "B", "C", "D", "E");
        assertThat(entries).extracting(entry -> new String(entry.value(), UTF_8)).containsExactly("plain value",
                "line one\nline two", "kept \\n as is", "multi\nline", "a#b");
        assertThat(entries).extracting(EnvEntry::line).containsExactly(1, 2, 3, 4, 8);
    }

    @Test
    void parserRejectsBrokenFilesByLine() {
        assertThat(catchThrowableOfType(SecretInputException.class,
                () -> EnvFile.parse("A=1\nnot a pair\n".getBytes(UTF_8))).getMessage())
                .startsWith("Line 2 of the .env file is not NAME=value.");
        assertThat(catchThrowableOfType(SecretInputException.class,
                () -> EnvFile.parse("A=\"open\nB=2\n".getBytes(UTF_8))).reasonKey())
                .isEqualTo("secret.env_unclosed_quote");
        assertThat(catchThrowableOfType(SecretInputException.class,
                () -> EnvFile.parse("A=1\nA=2\n".getBytes(UTF_8))).reasonKey()).isEqualTo("secret.env_duplicate");
        assertThat(catchThrowableOfType(SecretInputException.class,
                () -> EnvFile.parse(new byte[] {'A', '=', (byte) 0xFF})).reasonKey()).isEqualTo("secret.env_not_utf8");
    }
}
