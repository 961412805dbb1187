package dev.terrace.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Arguments shared by the secrets tests: one stack file, and state and sandbox folders inside a test folder. */
final class SecretsRuns {

    private SecretsRuns() {
    }

    /** Returns the command's arguments followed by --stack, --state-dir and --sandbox-dir. */
    static String[] where(Path folder, Path stackFile, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--stack", stackFile.toString(), "--state-dir", folder.resolve("state").toString(),
                "--sandbox-dir", folder.resolve("sandbox").toString()));
        return args.toArray(String[]::new);
    }
}
