package dev.terrace.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists and edits the secrets of the stack's project; a value is read from standard input or a file only. */
@Command(name = "secrets", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE,
        subcommands = {
            SecretsListCommand.class,
            SecretsVersionsCommand.class,
            SecretsAddCommand.class,
            SecretsEnableCommand.class,
            SecretsDisableCommand.class,
            SecretsDestroyCommand.class,
            SecretsImportCommand.class,
            SecretsExportCommand.class
        })
final class SecretsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
