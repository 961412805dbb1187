package dev.terrace.emulator.run;

import com.google.cloud.run.v2.Service;
import com.google.iam.v1.Policy;
import com.google.logging.type.HttpRequest;
import com.google.protobuf.util.Durations;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.terrace.emulator.Loopback;
import dev.terrace.emulator.Permissions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The URLs of Cloud Run services: one HTTP server on 127.0.0.1 that serves each service under
 * {@code /s/LOCATION/SERVICE}. It imitates the app the image would run, so {@code /health/}
 * returns {@code {"status": "ok"}} while a ready revision serves. Every request gets a request
 * log entry.
 */
final class ServiceUrlServer implements AutoCloseable {

  static final String PATH_PREFIX = "/s/";
  private static final String TAG_SEPARATOR = "---";

  private static final Logger LOG = LoggerFactory.getLogger(ServiceUrlServer.class);

  /**
   * The response of a service URL.
   *
   * @param status HTTP status
   * @param contentType media type of the body
   * @param body response body
   * @param location redirect target, or null
   */
  record Reply(int status, String contentType, String body, String location) {
    static Reply json(int status, String body) {
      return new Reply(status, "application/json", body, null);
    }

    static Reply text(int status, String body) {
      return new Reply(status, "text/html; charset=UTF-8", body, null);
    }
  }

  private final RunContext run;
  private HttpServer server;
  private ExecutorService executor;

  ServiceUrlServer(RunContext run) {
    this.run = run;
  }

  void start(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(Loopback.ADDRESS, port), 0);
    executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "run-service-url");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Returns {@code http://127.0.0.1:PORT}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  /**
   * Serves one request to a service URL path and logs it. The scheduler calls this directly for
   * an HTTP target on a service URL, so no request leaves the process.
   *
   * @param authorization the Authorization header, or null
   */
  Reply serve(String method, String path, String authorization, String userAgent, String remoteIp) {
    long started = System.nanoTime();
    Optional<Target> target = Target.parse(path, run.world.projectId());
    if (target.isEmpty()) {
      return Reply.text(404, "<h1>Error: Page not found</h1>");
    }
    Optional<Service> found = run.world.read(() -> Optional.ofNullable(run.store.services.get(target.get().serviceName())));
    if (found.isEmpty()) {
      return Reply.text(404, "<h1>Error: Page not found</h1><p>The requested URL was not found on this server.</p>");
    }
    Service service = found.get();
    Optional<String> revision =
        target.get().tag().isEmpty() ? Traffic.servingRevision(service) : Traffic.taggedRevision(service, target.get().tag());
    Reply reply = reply(service, revision.isPresent(), target.get().rest(), method, authorization);
    HttpRequest logged =
        HttpRequest.newBuilder()
            .setRequestMethod(method)
            .setRequestUrl(requestUrl(service, target.get()))
            .setStatus(reply.status())
            .setResponseSize(reply.body().getBytes(StandardCharsets.UTF_8).length)
            .setUserAgent(userAgent == null ? "" : userAgent)
            .setRemoteIp(remoteIp == null ? "" : remoteIp)
            .setLatency(Durations.fromNanos(System.nanoTime() - started))
            .setProtocol("HTTP/1.1")
            .build();
    run.logs.request(service.getName(), revision.map(RunNames::lastSegment).orElse(""), logged, "");
    return reply;
  }

  private static String requestUrl(Service service, Target target) {
    String base = target.tag().isEmpty() ? service.getUri() : taggedUri(service.getUri(), target.tag());
    return base + target.rest();
  }

  /**
   * Returns the URL of a traffic tag: the service's URL with {@code TAG---} before the service
   * name, as Cloud Run puts the tag in front of the host name.
   */
  static String taggedUri(String serviceUri, String tag) {
    int nameStart = serviceUri.lastIndexOf('/') + 1;
    return serviceUri.substring(0, nameStart) + tag + TAG_SEPARATOR + serviceUri.substring(nameStart);
  }

  private Reply reply(Service service, boolean serving, String rest, String method, String authorization) {
    if (!serving) {
      return Reply.text(503, "<h1>Service Unavailable</h1>");
    }
    if (!publiclyInvokable(service) && (authorization == null || !authorization.startsWith("Bearer "))) {
      return Reply.text(403, "<h1>Error: Forbidden</h1><h2>Your client does not have permission to get URL <code>" + rest + "</code> from this server.</h2>");
    }
    if (rest.equals("/health")) {
      // Django's APPEND_SLASH redirects to the canonical path.
      return new Reply(301, "text/html; charset=utf-8", "", service.getUri() + "/health/");
    }
    if (rest.equals("/health/")) {
      return Reply.json(200, "{\"status\": \"ok\"}");
    }
    return Reply.json(200, "{\"service\": \"" + RunNames.lastSegment(service.getName()) + "\", \"method\": \"" + method + "\"}");
  }

  private boolean publiclyInvokable(Service service) {
    if (service.getInvokerIamDisabled()) {
      return true;
    }
    Policy policy = run.world.read(() -> run.store.policies.get(service.getName()));
    return Permissions.granted("allUsers", "run.routes.invoke", policy);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Reply reply =
          serve(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestHeaders().getFirst("Authorization"),
              exchange.getRequestHeaders().getFirst("User-Agent"),
              exchange.getRemoteAddress().getAddress().getHostAddress());
      byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
      if (reply.location() != null) {
        exchange.getResponseHeaders().set("Location", reply.location());
      }
      exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (RuntimeException e) {
      LOG.error("Service URL request {} failed", exchange.getRequestURI(), e);
      throw e;
    }
  }

  /**
   * The service a path addresses and the rest of the path.
   *
   * @param serviceName full resource name of the service
   * @param tag traffic tag the path names, empty for the service's own URL
   * @param rest the path after the service's prefix, at least {@code /}
   */
  record Target(String serviceName, String tag, String rest) {
    static Optional<Target> parse(String path, String projectId) {
      if (path == null || !path.startsWith(PATH_PREFIX)) {
        return Optional.empty();
      }
      String[] parts = path.substring(PATH_PREFIX.length()).split("/", 3);
      if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
        return Optional.empty();
      }
      String rest = parts.length == 3 ? "/" + parts[2] : "/";
      int separator = parts[1].indexOf(TAG_SEPARATOR);
      String tag = separator < 0 ? "" : parts[1].substring(0, separator);
      String serviceId = separator < 0 ? parts[1] : parts[1].substring(separator + TAG_SEPARATOR.length());
      return Optional.of(new Target("projects/" + projectId + "/locations/" + parts[0] + "/services/" + serviceId, tag, rest));
    }
  }
}
