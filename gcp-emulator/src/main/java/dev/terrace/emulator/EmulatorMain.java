package dev.terrace.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone start: serves until interrupted and prints one {@code NAME ADDRESS} line per endpoint.
 *
 * <pre>
 * EmulatorMain [--data-dir DIR] [--project ID] [--region REGION] [--port PORT]
 *              [--storage-port PORT] [--faults FILE] [--publish-image REPO/IMAGE:TAG[,TAG...]]...
 * </pre>
 */
public final class EmulatorMain {
  private EmulatorMain() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(usage());
      return;
    }
    Emulator emulator = start(options, System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "emulator-shutdown"));
    stopped.await();
  }

  /**
   * Starts the emulator the arguments describe, publishes the requested images and prints one
   * {@code NAME ADDRESS} line per endpoint. The caller closes the returned emulator.
   */
  public static Emulator start(String[] args, PrintStream out) throws IOException {
    return start(parse(args), out);
  }

  private static Emulator start(Options options, PrintStream out) throws IOException {
    Emulator emulator = Emulator.start(options.config.build());
    try {
      if (options.faults != null) {
        emulator.faults().load(options.faults);
      }
      for (String image : options.images) {
        publish(emulator, image, out);
      }
    } catch (IOException | RuntimeException e) {
      emulator.close();
      throw e;
    }
    emulator.endpoints().all().forEach((name, address) -> out.println(name + " " + address));
    out.flush();
    return emulator;
  }

  /** Publishes {@code REPO/IMAGE:TAG[,TAG...]} and prints the image's URI. */
  static void publish(Emulator emulator, String spec, PrintStream out) {
    int slash = spec.indexOf('/');
    int colon = spec.lastIndexOf(':');
    if (slash <= 0 || colon < slash + 2 || colon == spec.length() - 1) {
      throw new IllegalArgumentException("--publish-image expects REPO/IMAGE:TAG[,TAG...], got " + spec);
    }
    String repository = spec.substring(0, slash);
    String image = spec.substring(slash + 1, colon);
    String[] tags = spec.substring(colon + 1).split(",");
    var published = emulator.publishImage(repository, image, tags);
    out.println("image " + published.uri() + " " + String.join(",", published.tags()));
  }

  private static final class Options {
    final EmulatorConfig.Builder config = EmulatorConfig.builder();
    final List<String> images = new ArrayList<>();
    Path faults;
    boolean help;
  }

  static Options parse(String[] args) throws IOException {
    Options options = new Options();
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    while (!rest.isEmpty()) {
      String flag = rest.remove(0);
      switch (flag) {
        case "--help", "-h" -> options.help = true;
        case "--data-dir" -> options.config.dataDir(Path.of(value(rest, flag)));
        case "--project" -> options.config.projectId(value(rest, flag));
        case "--region" -> options.config.region(value(rest, flag));
        case "--port" -> options.config.grpcPort(port(value(rest, flag), flag));
        case "--storage-port" -> options.config.storagePort(port(value(rest, flag), flag));
        case "--faults" -> options.faults = Path.of(value(rest, flag));
        case "--publish-image" -> options.images.add(value(rest, flag));
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    return options;
  }

  private static String value(List<String> rest, String flag) {
    if (rest.isEmpty()) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return rest.remove(0);
  }

  private static int port(String text, String flag) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " expects a port number, got " + text);
    }
  }

  static String usage() {
    return String.join(
        "\n",
        "usage: EmulatorMain [options]",
        "  --data-dir DIR        keep state in DIR across restarts (default: in memory)",
        "  --project ID          project id (default " + EmulatorConfig.DEFAULT_PROJECT_ID + ")",
        "  --region REGION       default region (default " + EmulatorConfig.DEFAULT_REGION + ")",
        "  --port PORT           gRPC port on 127.0.0.1 (default 0: any free port)",
        "  --storage-port PORT   Cloud Storage HTTP port on 127.0.0.1 (default 0: any free port)",
        "  --faults FILE         fault rules, YAML or JSON",
        "  --publish-image REPO/IMAGE:TAG[,TAG...]",
        "                        publish an image into an existing repository; repeatable");
  }
}
