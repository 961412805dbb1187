package dev.terrace.cli;

import dev.terrace.core.engine.Directories;
import picocli.CommandLine;

/** Starts the {@code terrace} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Logback reads this property when the first logger is made, so set it before anything logs.
        if (System.getProperty("terrace.log.dir") == null) {
            System.setProperty("terrace.log.dir", Directories.fromEnvironment().state().resolve("logs").toString());
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new TerraceCommand());
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.registerConverter(dev.terrace.core.model.Address.class, dev.terrace.core.model.Address::parse);
        return commandLine;
    }
}
