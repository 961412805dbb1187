package dev.terrace.cli;

import dev.terrace.core.secret.EnvImport;
import dev.terrace.core.secret.ImportPreview;
import dev.terrace.core.secret.SecretBytes;
import dev.terrace.core.secret.SecretChange;
import dev.terrace.core.secret.SecretEditor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Imports a .env file: prints which secrets are new, which get a new version and which are unchanged, then requests approval. */
@Command(name = "import", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class SecretsImportCommand extends SecretsSubcommand {

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "param.envFile")
    Path file;

    @Option(names = "--auto-approve", descriptionKey = "option.importAutoApprove")
    boolean autoApprove;

    private byte[] content;

    @Override
    void prepare() {
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            throw new UserError(Texts.get("secrets.file_missing", file));
        } catch (IOException unreadable) {
            throw new UserError(Texts.get("secrets.file_unreadable", file, unreadable.getClass().getSimpleName()));
        }
    }

    @Override
    int run(SecretEditor editor, PrintWriter out) {
        try (EnvImport envImport = editor.importEnv(content)) {
            ImportPreview preview = envImport.preview();
            printPreview(out, preview);
            if (!preview.rejected().isEmpty()) {
                throw new UserError(Texts.get("secrets.import_rejected", preview.rejected().size()));
            }
            if (preview.newSecrets().isEmpty() && preview.newVersions().isEmpty()) {
                out.println(Texts.get("secrets.import_nothing"));
                return ExitCodes.OK;
            }
            if (!autoApprove && !confirm(out)) {
                out.println(Texts.get("secrets.declined"));
                return ExitCodes.ERROR;
            }
            List<SecretChange> changes = envImport.apply();
            out.println(Texts.get("secrets.imported", preview.newSecrets().size(), preview.newVersions().size()));
            changes.forEach(change -> printNotes(out, change.impact().notes()));
            return ExitCodes.OK;
        }
    }

    @Override
    void release() {
        SecretBytes.wipe(content);
    }

    private static void printPreview(PrintWriter out, ImportPreview preview) {
        out.println(Texts.get("secrets.preview_new_secrets", names(preview.newSecrets())));
        out.println(Texts.get("secrets.preview_new_versions", names(preview.newVersions())));
        out.println(Texts.get("secrets.preview_unchanged", names(preview.unchanged())));
        if (!preview.rejected().isEmpty()) {
            out.println(Texts.get("secrets.preview_rejected"));
            preview.rejected().forEach(reason -> out.println("  - " + reason));
        }
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "-" : String.join(", ", names);
    }

    private static boolean confirm(PrintWriter out) {
        out.print(Texts.get("secrets.import_confirm"));
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            String normalised = answer == null ? "" : answer.trim().toLowerCase(Locale.ROOT);
            return normalised.equals("y") || normalised.equals("yes");
        } catch (IOException unreadable) {
            return false;
        }
    }
}
