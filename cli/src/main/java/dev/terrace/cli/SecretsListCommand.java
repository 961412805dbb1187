package dev.terrace.cli;

import dev.terrace.core.json.Json;
import dev.terrace.core.secret.SecretEditor;
import dev.terrace.core.secret.SecretEntry;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/** Lists the stack's secrets and the project's unmanaged ones, one line each. */
@Command(name = "list", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class SecretsListCommand extends SecretsSubcommand {

    private static final String ROW = "%-24s %-10s %-9s %-14s %-28s %s";

    @Override
    int run(SecretEditor editor, PrintWriter out) throws Exception {
        List<SecretEntry> entries = editor.list();
        if (stack.json) {
            out.println(Json.mapper().writeValueAsString(SecretsJson.entries(entries)));
            return ExitCodes.OK;
        }
        out.println(String.format(ROW, Texts.get("secrets.column.secret"), Texts.get("secrets.column.managed"),
                Texts.get("secrets.column.versions"), Texts.get("secrets.column.newest"),
                Texts.get("secrets.column.replication"), Texts.get("secrets.column.readers")));
        for (SecretEntry entry : entries) {
            out.println(String.format(ROW, entry.secretId(), SecretsText.management(entry), entry.versions().size(),
                    SecretsText.newest(entry), SecretsText.replication(entry), SecretsText.readers(entry)));
        }
        return ExitCodes.OK;
    }
}
