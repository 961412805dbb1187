package dev.terrace.emulator.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.terrace.emulator.Loopback;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small REST server on 127.0.0.1 built on the JDK's HTTP server. Requests pass the filters in
 * order (request log, faults, API enablement), then reach the matched route's handler.
 */
public final class HttpApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApiServer.class);

  private final List<Route> routes = new ArrayList<>();
  private final HttpServer server;
  private final ExecutorService executor;

  public HttpApiServer(int port, List<Filter> filters) throws IOException {
    server = HttpServer.create(new InetSocketAddress(Loopback.ADDRESS, port), 0);
    executor = Executors.newCachedThreadPool(daemonThreads());
    server.setExecutor(executor);
    var context = server.createContext("/", this::dispatch);
    context.getFilters().add(new RouteFilter());
    context.getFilters().addAll(filters);
  }

  public void add(Route route) {
    routes.add(route);
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Returns {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /**
   * Returns the route the request matched, or null. Kept per exchange here rather than in exchange
   * attributes, because Java 17's HttpExchange stores attributes in its context, shared by every
   * request in flight, so concurrent requests overwrote each other's route.
   */
  public static Route route(HttpExchange exchange) {
    Matched matched = MATCHED.get(exchange);
    return matched == null ? null : matched.route();
  }

  /** Returns the resource name the request is about, or null. */
  public static Object resource(HttpExchange exchange) {
    Matched matched = MATCHED.get(exchange);
    return matched == null ? null : matched.resource();
  }

  private record Matched(Route route, Object resource) {
  }

  private static final java.util.Map<HttpExchange, Matched> MATCHED = new java.util.concurrent.ConcurrentHashMap<>();

  private void dispatch(HttpExchange exchange) throws IOException {
    Route route = route(exchange);
    if (route == null) {
      send(exchange, HttpApiException.notFound("No route for " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + "."));
      return;
    }
    HttpResponse response;
    try {
      String method = methodOf(exchange);
      Map<String, String> params = route.match(method, exchange.getRequestURI().getRawPath()).orElseThrow();
      HttpRequest request =
          new HttpRequest(
              method,
              exchange.getRequestURI().getRawPath(),
              params,
              parseQuery(exchange.getRequestURI().getRawQuery()),
              exchange.getRequestHeaders(),
              readBody(exchange));
      response = route.handler().handle(request);
    } catch (HttpApiException e) {
      send(exchange, e);
      return;
    } catch (Exception e) {
      LOG.error("Emulator failed serving {}", route.methodId(), e);
      send(exchange, new HttpApiException(500, "backendError", "emulator error: " + e));
      return;
    }
    send(exchange, response);
  }

  /** Sends the error in the Google JSON shape. */
  public static void send(HttpExchange exchange, HttpApiException error) throws IOException {
    HttpResponse json = HttpResponse.json(error.httpStatus(), error.toJson());
    error.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    send(exchange, json);
  }

  public static void send(HttpExchange exchange, HttpResponse response) throws IOException {
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    if (response.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
    }
    // 204 and 304 never carry a body.
    boolean empty = response.body().length == 0 || response.status() == 204 || response.status() == 304;
    exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    }
    exchange.close();
  }

  /**
   * Returns the HTTP method the request means. The Java client sends PATCH as a POST with an
   * {@code X-HTTP-Method-Override} header, because the JDK's HTTP client has no PATCH.
   */
  static String methodOf(HttpExchange exchange) {
    String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
    return override != null && exchange.getRequestMethod().equals("POST") ? override : exchange.getRequestMethod();
  }

  // The Java client gzips JSON request bodies and sets Content-Encoding: gzip.
  private static byte[] readBody(HttpExchange exchange) throws IOException {
    boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
    try (InputStream in = gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "emulator-http");
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Finds the route before the other filters run, so they know the API method id. */
  private final class RouteFilter extends Filter {
    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
      String method = methodOf(exchange);
      String path = exchange.getRequestURI().getRawPath();
      Optional<Route> found = routes.stream().filter(r -> r.match(method, path).isPresent()).findFirst();
      found.ifPresent(route -> MATCHED.put(exchange,
          new Matched(route, route.resourceNamer().apply(route.match(method, path).orElseThrow()))));
      try {
        chain.doFilter(exchange);
      } finally {
        MATCHED.remove(exchange);
      }
    }

    @Override
    public String description() {
      return "matches the request to a route";
    }
  }
}
