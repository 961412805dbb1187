package dev.terrace.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Opens the desktop console; the launcher script starts it directly once the desktop module exists. */
@Command(name = "console", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class ConsoleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // TODO: start the JavaFX console from desktop-app once it exists.
        spec.commandLine().getErr().println(Texts.get("console.unavailable"));
        return ExitCodes.ERROR;
    }
}
