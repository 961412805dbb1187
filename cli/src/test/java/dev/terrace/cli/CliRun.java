package dev.terrace.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** One run of the command line in this JVM, with its exit code and both output streams. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return withInput("", args);
    }

    static CliRun withInput(String input, String... args) {
        return withBytes(input.getBytes(StandardCharsets.UTF_8), args);
    }

    static synchronized CliRun withBytes(byte[] input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input));
        try {
            int code = commandLine.execute(args);
            return new CliRun(code, out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }
}
