package dev.terrace.emulator.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.ProtoJson;
import dev.terrace.emulator.http.HttpApiException;
import dev.terrace.emulator.http.HttpApiServer;
import dev.terrace.emulator.http.HttpStatuses;
import dev.terrace.emulator.http.Route;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Applies the fault rules to HTTP calls, matched on the route's API method id
 * ({@code storage.objects.insert}). A quota fault returns 429 with reason {@code rateLimitExceeded},
 * a {@code Retry-After} header and the RetryInfo in {@code error.details}.
 */
public final class FaultFilter extends Filter {
  private final Faults faults;
  private final long projectNumber;

  public FaultFilter(Faults faults, long projectNumber) {
    this.faults = faults;
    this.projectNumber = projectNumber;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    Route route = HttpApiServer.route(exchange);
    if (route == null) {
      chain.doFilter(exchange);
      return;
    }
    FaultOutcome outcome = faults.decide(route.methodId());
    FaultInterceptor.sleep(outcome.delay());
    if (!outcome.fails()) {
      chain.doFilter(exchange);
      return;
    }
    exchange.getRequestBody().readAllBytes();
    HttpApiServer.send(exchange, toException(outcome, route));
  }

  private HttpApiException toException(FaultOutcome outcome, Route route) {
    int status = HttpStatuses.fromGrpc(outcome.code());
    if (!outcome.isQuota()) {
      return new HttpApiException(status, reasonOf(status), outcome.message());
    }
    List<JsonNode> details =
        java.util.Arrays.stream(GrpcErrors.quotaDetails(route.api(), projectNumber, route.api() + "/default_requests", outcome.quotaRetryDelay()))
            .map(HttpDetails::withType)
            .toList();
    long retrySeconds = Math.max(1, (outcome.quotaRetryDelay().toMillis() + 999) / 1000);
    return new HttpApiException(
        429,
        "rateLimitExceeded",
        "usageLimits",
        outcome.message(),
        null,
        null,
        details,
        Map.of("Retry-After", String.valueOf(retrySeconds)));
  }

  private static String reasonOf(int status) {
    return switch (status) {
      case 400 -> "invalid";
      case 403 -> "forbidden";
      case 404 -> "notFound";
      case 409 -> "conflict";
      case 412 -> "conditionNotMet";
      case 503 -> "backendError";
      default -> status >= 500 ? "backendError" : "invalid";
    };
  }

  @Override
  public String description() {
    return "injects configured faults";
  }

  /** Turns a google.rpc detail message into its JSON form with {@code @type}. */
  static final class HttpDetails {
    private HttpDetails() {}

    static JsonNode withType(com.google.protobuf.Message detail) {
      var node = (com.fasterxml.jackson.databind.node.ObjectNode) ProtoJson.toJson(detail);
      var typed = ProtoJson.MAPPER.createObjectNode();
      typed.put("@type", "type.googleapis.com/" + detail.getDescriptorForType().getFullName());
      typed.setAll(node);
      return typed;
    }
  }
}
