package dev.terrace.emulator.requestlog;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.terrace.emulator.http.HttpApiServer;
import dev.terrace.emulator.http.HttpStatuses;
import dev.terrace.emulator.http.Route;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** Records every HTTP call in the request log after the response is sent. Runs first among the filters. */
public final class RequestLogFilter extends Filter {
  private final RequestLog log;

  public RequestLogFilter(RequestLog log) {
    this.log = log;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    Instant arrived = Instant.now();
    long start = System.nanoTime();
    try {
      chain.doFilter(exchange);
    } finally {
      Route route = HttpApiServer.route(exchange);
      String method = route != null ? route.methodId() : exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
      Object resource = HttpApiServer.resource(exchange);
      int status = exchange.getResponseCode();
      log.add(
          new RequestRecord(
              arrived,
              method,
              resource != null ? resource.toString() : "",
              HttpStatuses.toGrpc(status),
              status,
              Duration.ofNanos(System.nanoTime() - start)));
    }
  }

  @Override
  public String description() {
    return "records the call in the request log";
  }
}
