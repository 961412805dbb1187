package dev.terrace.cli;

import dev.terrace.core.secret.SecretChange;
import dev.terrace.core.secret.SecretEditor;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** Disables a version, so no new instance can read it until it is enabled again. */
@Command(name = "disable", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class SecretsDisableCommand extends SecretsStateChange {

    @Override
    SecretChange change(SecretEditor editor, PrintWriter out) {
        return editor.disable(secretId, version);
    }
}
