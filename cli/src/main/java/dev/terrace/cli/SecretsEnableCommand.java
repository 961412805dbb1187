package dev.terrace.cli;

import dev.terrace.core.secret.SecretChange;
import dev.terrace.core.secret.SecretEditor;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** Enables a disabled version, so it can be read again. */
@Command(name = "enable", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class SecretsEnableCommand extends SecretsStateChange {

    @Override
    SecretChange change(SecretEditor editor, PrintWriter out) {
        return editor.enable(secretId, version);
    }
}
