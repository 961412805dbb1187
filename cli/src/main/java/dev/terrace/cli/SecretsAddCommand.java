package dev.terrace.cli;

import dev.terrace.core.secret.SecretBytes;
import dev.terrace.core.secret.SecretChange;
import dev.terrace.core.secret.SecretEditor;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Adds a version to a secret. The value comes from a file, a generated key, a hidden prompt on a
 * terminal, or standard input, and never from an argument, because arguments end up in shell
 * history and process lists.
 */
@Command(name = "add", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class SecretsAddCommand extends SecretsSubcommand {

    @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "param.secretName")
    String secretId;

    /** Catches a value typed as an argument, so it is rejected without being echoed. */
    @Parameters(index = "1..*", hidden = true)
    List<String> stray = new ArrayList<>();

    @ArgGroup(exclusive = true)
    Source source = new Source();

    @Option(names = "--keep-newline", descriptionKey = "option.keepNewline")
    boolean keepNewline;

    private byte[] value;

    /** The source of the value, a file or a generated key; standard input or a prompt when neither is given. */
    static final class Source {

        @Option(names = "--from-file", paramLabel = "FILE", descriptionKey = "option.fromFile")
        Path file;

        @Option(names = "--generate", descriptionKey = "option.generate")
        boolean generate;
    }

    @Override
    void prepare() {
        if (!stray.isEmpty()) {
            stray.clear();
            throw new UserError(Texts.get("secrets.value_as_argument", secretId));
        }
        if (source.generate) {
            return;
        }
        Console console = System.console();
        if (source.file != null) {
            value = SecretInput.fromFile(source.file, keepNewline);
        } else if (console != null) {
            value = SecretInput.fromConsole(console, secretId);
        } else {
            value = SecretInput.fromStream(System.in, keepNewline);
        }
    }

    @Override
    int run(SecretEditor editor, PrintWriter out) {
        SecretChange change = source.generate ? editor.addGeneratedDjangoKey(secretId)
                : editor.addVersion(secretId, value);
        out.println(Texts.get(source.generate ? "secrets.generated" : "secrets.added", secretId,
                change.version().version()));
        printNotes(out, change.impact().notes());
        return ExitCodes.OK;
    }

    @Override
    void release() {
        SecretBytes.wipe(value);
    }
}
