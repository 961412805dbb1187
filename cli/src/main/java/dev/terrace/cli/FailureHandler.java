package dev.terrace.cli;

import dev.terrace.core.port.CloudException;
import dev.terrace.core.state.StateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception that escaped a command into one plain message on standard error. Expected
 * failures print their own message. Anything else is logged with its trace for developers, and the
 * user is shown the log folder to look in.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        if (exception instanceof StateException || exception instanceof CloudException
                || exception instanceof UserError) {
            commandLine.getErr().println(Texts.get("error.prefix", exception.getMessage()));
            return ExitCodes.ERROR;
        }
        LOG.error("Unexpected failure of terrace {}", String.join(" ", parseResult.originalArgs()), exception);
        commandLine.getErr().println(Texts.get("error.unexpected", exception.getClass().getSimpleName(),
                String.valueOf(exception.getMessage()), System.getProperty("terrace.log.dir", "the log folder")));
        return ExitCodes.ERROR;
    }
}
