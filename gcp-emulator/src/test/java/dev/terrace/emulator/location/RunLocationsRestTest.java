package dev.terrace.emulator.location;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.emulator.Apis;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.run.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunLocationsRestTest {
  private Emulator emulator;

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void listReturnsCloudRunRegions() throws Exception {
    emulator = Emulator.start(Sandbox.config().offeredRegions(Apis.RUN, Set.of("us-central1")).build());

    HttpResponse<String> response = get("/v1/projects/" + Sandbox.PROJECT + "/locations");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"locationId\":\"us-central1\"");
    assertThat(response.body()).doesNotContain("southamerica-east1");
    assertThat(emulator.requestLog().records(RunLocationsRest.METHOD_ID)).hasSize(1);
  }

  @Test
  void listNeedsCloudRunEnabled() throws Exception {
    emulator = Emulator.start(Sandbox.config().enabledServices(Set.of(Apis.SERVICE_USAGE)).build());

    HttpResponse<String> response = get("/v1/projects/" + Sandbox.PROJECT + "/locations");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("SERVICE_DISABLED");
  }

  @Test
  void listOfAnotherProjectIsDenied() throws Exception {
    emulator = Emulator.start(Sandbox.config().build());

    HttpResponse<String> response = get("/v1/projects/other-project/locations");

    assertThat(response.statusCode()).isEqualTo(403);
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.endpoints().storageHost() + path)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
