package dev.terrace.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Stands for the console in the help. The {@code terrace} launcher starts the console from the
 * desktop module itself, so this command runs only when the CLI is started some other way.
 */
@Command(name = "console", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class ConsoleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println(Texts.get("console.unavailable"));
        return ExitCodes.ERROR;
    }
}
