package dev.terrace.emulator.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.ProtoJson;
import dev.terrace.emulator.World;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Rejects every call of a disabled API with the JSON form of SERVICE_DISABLED: 403, status
 * PERMISSION_DENIED, reason {@code accessNotConfigured} in {@code errors} (what the JSON APIs put
 * there) and the ErrorInfo in {@code details}.
 */
public final class ApiEnablementFilter extends Filter {
  private final World world;

  public ApiEnablementFilter(World world) {
    this.world = world;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    Route route = HttpApiServer.route(exchange);
    if (route == null || world.services().isEffective(route.api())) {
      chain.doFilter(exchange);
      return;
    }
    exchange.getRequestBody().readAllBytes();
    HttpApiServer.send(exchange, serviceDisabled(route.api(), world.projectNumber()));
  }

  /** Returns the JSON SERVICE_DISABLED error for the API. */
  public static HttpApiException serviceDisabled(String api, long projectNumber) {
    var info = ProtoJson.MAPPER.createObjectNode();
    info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
    info.setAll((com.fasterxml.jackson.databind.node.ObjectNode) ProtoJson.toJson(GrpcErrors.serviceDisabledInfo(api, projectNumber)));
    return new HttpApiException(
        403,
        "accessNotConfigured",
        "usageLimits",
        GrpcErrors.serviceDisabledMessage(api, projectNumber),
        null,
        null,
        List.of(info),
        Map.of());
  }

  @Override
  public String description() {
    return "rejects calls of a disabled API";
  }
}
