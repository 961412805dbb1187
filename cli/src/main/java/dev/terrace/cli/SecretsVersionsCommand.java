package dev.terrace.cli;

import dev.terrace.core.json.Json;
import dev.terrace.core.port.SecretVersion;
import dev.terrace.core.secret.SecretEditor;
import dev.terrace.core.secret.SecretEntry;
import dev.terrace.core.secret.SecretReader;
import java.io.PrintWriter;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Shows one secret: its versions newest first, and the services and jobs that read it. */
@Command(name = "versions", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class SecretsVersionsCommand extends SecretsSubcommand {

    @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "param.secretName")
    String secretId;

    @Override
    int run(SecretEditor editor, PrintWriter out) throws Exception {
        SecretEntry entry = editor.secret(secretId);
        if (stack.json) {
            out.println(Json.mapper().writeValueAsString(SecretsJson.entry(entry)));
            return ExitCodes.OK;
        }
        String labels = entry.labels().entrySet().stream().map(label -> label.getKey() + "=" + label.getValue())
                .collect(Collectors.joining(", "));
        out.println(Texts.get("secrets.heading", entry.secretId(), SecretsText.management(entry),
                SecretsText.replication(entry), labels.isEmpty() ? "-" : labels));
        if (entry.versions().isEmpty()) {
            out.println(Texts.get("secrets.no_versions", entry.secretId()));
        } else {
            out.println(String.format("  %-8s %-10s %s", Texts.get("secrets.column.version"),
                    Texts.get("secrets.column.state"), Texts.get("secrets.column.created")));
            for (SecretVersion version : entry.versions()) {
                out.println(String.format("  %-8s %-10s %s", version.version(), version.state(), version.createTime()));
            }
        }
        if (entry.readers().isEmpty()) {
            out.println(Texts.get("secrets.no_readers"));
        } else {
            out.println(Texts.get("secrets.readers_heading"));
            for (SecretReader reader : entry.readers()) {
                out.println("  " + Texts.get(reader.pinned() ? "secrets.reader_pinned" : "secrets.reader_latest",
                        reader.resource(), reader.envVar(), reader.version()));
            }
        }
        return ExitCodes.OK;
    }
}
