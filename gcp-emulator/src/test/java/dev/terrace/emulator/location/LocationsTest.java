package dev.terrace.emulator.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.devtools.artifactregistry.v1.ArtifactRegistryClient;
import com.google.devtools.artifactregistry.v1.ArtifactRegistrySettings;
import com.google.cloud.location.ListLocationsRequest;
import com.google.cloud.location.Location;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.CloudTasksSettings;
import dev.terrace.emulator.Apis;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.run.Sandbox;
import dev.terrace.emulator.support.Clients;
import io.grpc.Status;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocationsTest {
  private static final ListLocationsRequest REQUEST =
      ListLocationsRequest.newBuilder().setName("projects/" + Sandbox.PROJECT).build();

  private static Emulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        Emulator.start(
            Sandbox.config()
                .offeredRegions(Apis.CLOUD_TASKS, Set.of("us-central1", "europe-west1"))
                .build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void listLocationsFollowsDialledHost() throws IOException {
    try (CloudTasksClient tasks = CloudTasksClient.create(CloudTasksSettings.newBuilder()
            .setCredentialsProvider(NoCredentialsProvider.create())
            .setTransportChannelProvider(channel("cloudtasks.googleapis.com")).build());
        ArtifactRegistryClient registry = ArtifactRegistryClient.create(ArtifactRegistrySettings.newBuilder()
            .setCredentialsProvider(NoCredentialsProvider.create())
            .setTransportChannelProvider(channel("artifactregistry.googleapis.com")).build())) {

      List<String> tasksRegions = ids(tasks.listLocations(REQUEST).iterateAll());
      List<String> registryRegions = ids(registry.listLocations(REQUEST).iterateAll());

      assertThat(tasksRegions).containsExactly("europe-west1", "us-central1");
      assertThat(registryRegions).contains("southamerica-east1", "us-central1");
    }
  }

  @Test
  void locationNameIncludesProject() throws IOException {
    try (CloudTasksClient tasks = CloudTasksClient.create(CloudTasksSettings.newBuilder()
        .setCredentialsProvider(NoCredentialsProvider.create())
        .setTransportChannelProvider(channel("cloudtasks.googleapis.com")).build())) {

      Location first = tasks.listLocations(REQUEST).iterateAll().iterator().next();

      assertThat(first.getName()).isEqualTo("projects/" + Sandbox.PROJECT + "/locations/europe-west1");
    }
  }

  @Test
  void listLocationsWithoutHostFails() throws IOException {
    try (CloudTasksClient tasks = CloudTasksClient.create(CloudTasksSettings.newBuilder()
        .setCredentialsProvider(NoCredentialsProvider.create())
        .setTransportChannelProvider(Clients.channel(emulator)).build())) {

      Throwable failure = catchThrowable(() -> tasks.listLocations(REQUEST).iterateAll().iterator().next());

      assertThat(Clients.statusOf(failure).getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
      assertThat(Clients.statusOf(failure).getDescription()).contains("overrideAuthority");
    }
  }

  private TransportChannelProvider channel(String host) {
    return InstantiatingGrpcChannelProvider.newBuilder()
        .setEndpoint(emulator.endpoints().grpcTarget())
        .setChannelConfigurator(channel -> channel.usePlaintext().overrideAuthority(host))
        .build();
  }

  private static List<String> ids(Iterable<Location> locations) {
    List<String> ids = new ArrayList<>();
    locations.forEach(location -> ids.add(location.getLocationId()));
    return ids;
  }
}
