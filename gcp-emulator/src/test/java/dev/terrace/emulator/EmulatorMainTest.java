package dev.terrace.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.devtools.artifactregistry.v1.Repository;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorMainTest {

  @Test
  void printsEveryEndpointOnLoopback() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    try (Emulator emulator = EmulatorMain.start(new String[] {"--project", "demo-project", "--region", "us-central1"}, new PrintStream(out, true, StandardCharsets.UTF_8))) {
      String printed = out.toString(StandardCharsets.UTF_8);

      assertThat(printed).contains("grpc " + emulator.endpoints().grpcTarget() + "\n");
      assertThat(printed).contains("storage " + emulator.endpoints().storageHost() + "\n");
      assertThat(emulator.endpoints().all().values()).allSatisfy(address -> assertThat(address).contains("127.0.0.1:"));
      assertThat(emulator.config().projectId()).isEqualTo("demo-project");
      assertThat(emulator.config().region()).isEqualTo("us-central1");
    }
  }

  @Test
  void publishesImagesIntoSavedRepository(@TempDir Path dataDir) throws Exception {
    try (Emulator first = Emulator.start(EmulatorConfig.builder().dataDir(dataDir).build())) {
      first.world().artifactRegistry().putRepository(
          Repository.newBuilder()
              .setName("projects/sandbox-project/locations/southamerica-east1/repositories/app-repo")
              .setFormat(Repository.Format.DOCKER)
              .build());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    try (Emulator emulator =
        EmulatorMain.start(
            new String[] {"--data-dir", dataDir.toString(), "--publish-image", "app-repo/app:latest,0a1b2c3"},
            new PrintStream(out, true, StandardCharsets.UTF_8))) {
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("image southamerica-east1-docker.pkg.dev/sandbox-project/app-repo/app@sha256:");
      assertThat(emulator.world().artifactRegistry().findImage("southamerica-east1-docker.pkg.dev/sandbox-project/app-repo/app:0a1b2c3")).isPresent();
    }
  }

  @Test
  void unknownOptionIsRejected() {
    assertThatThrownBy(() -> EmulatorMain.start(new String[] {"--host", "0.0.0.0"}, System.out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown option --host");
  }
}
