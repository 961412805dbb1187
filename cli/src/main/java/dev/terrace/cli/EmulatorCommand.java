package dev.terrace.cli;

import dev.terrace.core.engine.Directories;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorMain;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the Google Cloud emulator alone, on 127.0.0.1, until interrupted. */
@Command(name = "emulator", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class EmulatorCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", descriptionKey = "option.emulatorDataDir")
    Path dataDir;

    @Option(names = "--project", paramLabel = "ID", descriptionKey = "option.emulatorProject")
    String project;

    @Option(names = "--region", paramLabel = "REGION", descriptionKey = "option.emulatorRegion")
    String region;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0", descriptionKey = "option.emulatorPort")
    int port;

    @Option(names = "--faults", paramLabel = "FILE", descriptionKey = "option.emulatorFaults")
    Path faults;

    @Option(names = "--publish-image", paramLabel = "REPO/IMAGE:TAG[,TAG]", descriptionKey = "option.publishImage")
    List<String> images = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--data-dir",
                (dataDir != null ? dataDir : Directories.fromEnvironment().sandbox()).toString(),
                "--port", Integer.toString(port)));
        if (project != null) {
            arguments.addAll(List.of("--project", project));
        }
        if (region != null) {
            arguments.addAll(List.of("--region", region));
        }
        if (faults != null) {
            arguments.addAll(List.of("--faults", faults.toString()));
        }
        images.forEach(image -> arguments.addAll(List.of("--publish-image", image)));

        Emulator emulator;
        try {
            emulator = EmulatorMain.start(arguments.toArray(String[]::new),
                    new PrintStream(System.out, true, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException invalid) {
            throw new UserError(invalid.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "terrace-emulator-stop"));
        System.err.println(Texts.get("emulator.running"));
        stopped.await();
        return ExitCodes.OK;
    }
}
