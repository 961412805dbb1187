package dev.terrace.cli;

import picocli.CommandLine.Command;

/** The {@code terrace} command and its subcommands. */
@Command(name = "terrace",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        resourceBundle = Texts.BUNDLE,
        subcommands = {
            ValidateCommand.class,
            PlanCommand.class,
            ApplyCommand.class,
            DestroyCommand.class,
            StateCommand.class,
            StatusCommand.class,
            CostCommand.class,
            SecretsCommand.class,
            ConsoleCommand.class,
            EmulatorCommand.class,
            picocli.CommandLine.HelpCommand.class
        })
final class TerraceCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
