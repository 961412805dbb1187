package dev.terrace.cli;

import dev.terrace.core.secret.SecretChange;
import dev.terrace.core.secret.SecretEditor;
import java.io.PrintWriter;
import picocli.CommandLine.Parameters;

/** The shared shape of enable, disable and destroy: a secret, a version, and one change to print. */
abstract class SecretsStateChange extends SecretsSubcommand {

    @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "param.secretName")
    String secretId;

    @Parameters(index = "1", paramLabel = "VERSION", descriptionKey = "param.secretVersion")
    String version;

    /** Makes the change, or returns null when the user declined it. */
    abstract SecretChange change(SecretEditor editor, PrintWriter out);

    @Override
    int run(SecretEditor editor, PrintWriter out) {
        SecretChange change = change(editor, out);
        if (change == null) {
            out.println(Texts.get("secrets.declined"));
            return ExitCodes.ERROR;
        }
        out.println(Texts.get("secrets.state_changed", secretId, change.version().version(), change.version().state()));
        printNotes(out, change.impact().notes());
        return ExitCodes.OK;
    }
}
