package dev.terrace.emulator.location;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.emulator.Apis;
import dev.terrace.emulator.ProtoJson;
import dev.terrace.emulator.World;
import dev.terrace.emulator.http.HttpApiException;
import dev.terrace.emulator.http.HttpApiServer;
import dev.terrace.emulator.http.HttpRequest;
import dev.terrace.emulator.http.HttpResponse;
import dev.terrace.emulator.http.Route;
import java.util.TreeSet;

/**
 * Cloud Run Admin API v1's {@code GET /v1/projects/PROJECT/locations} on the emulator's HTTP
 * server. It is the list of Cloud Run's regions that Google documents, because the v2 API has no
 * ListLocations.
 */
public final class RunLocationsRest {
  static final String METHOD_ID = "run.projects.locations.list";

  private RunLocationsRest() {}

  public static void register(HttpApiServer server, World world) {
    server.add(
        new Route(
            "GET",
            "/v1/projects/{project}/locations",
            METHOD_ID,
            Apis.RUN,
            params -> "projects/" + params.get("project"),
            request -> list(world, request)));
  }

  private static HttpResponse list(World world, HttpRequest request) {
    String project = request.pathParam("project");
    if (!project.equals(world.projectId()) && !project.equals(Long.toString(world.projectNumber()))) {
      throw new HttpApiException(
          403, "forbidden", "Permission 'run.locations.list' denied on resource 'projects/" + project + "'.");
    }
    ObjectNode body = ProtoJson.MAPPER.createObjectNode();
    ArrayNode locations = body.putArray("locations");
    for (String region : new TreeSet<>(world.config().offeredRegions(Apis.RUN))) {
      locations
          .addObject()
          .put("name", "projects/" + project + "/locations/" + region)
          .put("locationId", region)
          .put("displayName", region);
    }
    return HttpResponse.ok(body);
  }
}
