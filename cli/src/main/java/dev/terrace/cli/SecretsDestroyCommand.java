package dev.terrace.cli;

import dev.terrace.core.secret.SecretChange;
import dev.terrace.core.secret.SecretEditor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Destroys a version for good, after the secret's name is typed to confirm. */
@Command(name = "destroy", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class SecretsDestroyCommand extends SecretsStateChange {

    @Option(names = "--force", descriptionKey = "option.secretForce")
    boolean force;

    @Option(names = "--auto-approve", descriptionKey = "option.secretAutoApprove")
    boolean autoApprove;

    @Override
    SecretChange change(SecretEditor editor, PrintWriter out) {
        String typed = secretId;
        if (!autoApprove) {
            editor.checkDestroy(secretId, version, force);
            out.print(Texts.get("secrets.destroy_confirm", secretId, version));
            out.flush();
            typed = readLine();
            if (typed == null || typed.isBlank()) {
                return null;
            }
        }
        return editor.destroy(secretId, version, typed.trim(), force);
    }

    private static String readLine() {
        try {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException unreadable) {
            return null;
        }
    }
}
