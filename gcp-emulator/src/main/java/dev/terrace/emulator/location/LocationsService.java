package dev.terrace.emulator.location;

import static dev.terrace.emulator.Rpc.respond;

import com.google.cloud.location.GetLocationRequest;
import com.google.cloud.location.ListLocationsRequest;
import com.google.cloud.location.ListLocationsResponse;
import com.google.cloud.location.Location;
import com.google.cloud.location.LocationsGrpc;
import com.google.rpc.Code;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.World;
import io.grpc.BindableService;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code google.cloud.location.Locations}, the mixin each regional product serves on its own host.
 * Every product's request looks the same ({@code projects/P}), so the product is told apart by the
 * call's {@code :authority}: a client must dial the emulator with the product's real host as its
 * authority (for example {@code cloudtasks.googleapis.com}). Calls through a product's API are
 * checked for that API's enablement here, since the one gRPC service stands for several APIs.
 */
public final class LocationsService extends LocationsGrpc.LocationsImplBase {
  private final World world;

  public LocationsService(World world) {
    this.world = world;
  }

  /** Returns this service with the interceptor that exposes each call's authority to it. */
  public static BindableService withAuthority(World world) {
    LocationsService service = new LocationsService(world);
    return new BindableService() {
      @Override
      public ServerServiceDefinition bindService() {
        return ServerInterceptors.intercept(service.bindService(), new AuthorityInterceptor());
      }
    };
  }

  @Override
  public void listLocations(ListLocationsRequest request, StreamObserver<ListLocationsResponse> response) {
    String api = product();
    requireThisProject(request.getName());
    world.requireEnabled(api);
    ListLocationsResponse.Builder found = ListLocationsResponse.newBuilder();
    for (String region : new TreeSet<>(world.config().offeredRegions(api))) {
      found.addLocations(location(region));
    }
    respond(response, found.build());
  }

  @Override
  public void getLocation(GetLocationRequest request, StreamObserver<Location> response) {
    String api = product();
    String prefix = world.projectName() + "/locations/";
    if (!request.getName().startsWith(prefix)) {
      throw GrpcErrors.invalidArgument("Location name must be " + prefix + "REGION, got " + request.getName());
    }
    world.requireEnabled(api);
    String region = request.getName().substring(prefix.length());
    Set<String> offered = world.config().offeredRegions(api);
    if (!offered.contains(region)) {
      throw GrpcErrors.notFound("Location " + request.getName() + " is not offered by " + api);
    }
    respond(response, location(region));
  }

  private Location location(String region) {
    return Location.newBuilder()
        .setName(world.projectName() + "/locations/" + region)
        .setLocationId(region)
        .setDisplayName(region)
        .build();
  }

  private void requireThisProject(String name) {
    if (!name.equals(world.projectName()) && !name.equals("projects/" + world.projectNumber())) {
      throw GrpcErrors.permissionDenied("cloudresourcemanager.googleapis.com", "resourcemanager.projects.get", name);
    }
  }

  /** Returns the API whose host the call dialled, or fails when the authority names no regional product. */
  private String product() {
    String authority = AuthorityInterceptor.AUTHORITY.get();
    String host = authority == null ? "" : authority.replaceFirst(":\\d+$", "");
    if (world.config().offeredRegions(host).isEmpty()) {
      throw GrpcErrors.error(
          Code.UNIMPLEMENTED,
          "ListLocations needs the product's host as the call's authority (such as "
              + "cloudtasks.googleapis.com), because every product's request is the same; got '"
              + authority
              + "'. Set it with ManagedChannelBuilder.overrideAuthority.");
    }
    return host;
  }
}
