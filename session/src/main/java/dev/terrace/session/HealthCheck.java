package dev.terrace.session;

import dev.terrace.core.port.ResourceStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calls a Cloud Run service's {@code /health/} endpoint, which the stack's Django app serves, and
 * adds the response to the service's status.
 */
public final class HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private HealthCheck() {
    }

    /** Returns the status with a {@code health} detail when it has a loopback {@code uri}, else unchanged. */
    public static ResourceStatus addTo(ResourceStatus status) {
        String uri = status.details().get("uri");
        if (uri == null || !uri.startsWith("http://127.0.0.1:")) {
            return status;
        }
        Map<String, String> details = new TreeMap<>(status.details());
        details.put("health", check(uri + "/health/"));
        return new ResourceStatus(status.health(), status.summary(), details);
    }

    /**
     * Calls the URL and returns "STATUS BODY", or why it could not be reached. The deploy calls it
     * on the service's own URL.
     */
    public static String check(String url) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body().strip();
        } catch (IOException failed) {
            return "unreachable: " + failed.getMessage();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
