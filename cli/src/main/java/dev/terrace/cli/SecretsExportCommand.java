package dev.terrace.cli;

import dev.terrace.core.secret.SecretEditor;
import dev.terrace.core.state.AtomicFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes every secret's name, never a value, to a .env.example file. */
@Command(name = "export", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class SecretsExportCommand extends SecretsSubcommand {

    @Option(names = "--output", paramLabel = "FILE", defaultValue = ".env.example", descriptionKey = "option.exportOutput")
    Path output;

    @Override
    int run(SecretEditor editor, PrintWriter out) throws Exception {
        if (Files.exists(output) && !output.getFileName().toString().endsWith(".example")) {
            throw new UserError(Texts.get("secrets.export_overwrite", output));
        }
        String example = editor.exampleEnv();
        AtomicFiles.write(output, example);
        out.println(Texts.get("secrets.exported", example.lines().filter(line -> !line.startsWith("#")).count(), output));
        return ExitCodes.OK;
    }
}
