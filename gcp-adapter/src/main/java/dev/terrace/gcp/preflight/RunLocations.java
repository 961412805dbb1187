package dev.terrace.gcp.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.json.gson.GsonFactory;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.gcp.connection.ClientFactory;
import dev.terrace.gcp.connection.GcpService;
import dev.terrace.gcp.error.ErrorTranslator;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lists Cloud Run's regions with the Cloud Run Admin API v1 REST method
 * {@code GET /v1/projects/PROJECT/locations}, the list Google documents for Cloud Run. The v2 API
 * and its Java client have no ListLocations.
 */
final class RunLocations {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunLocations() {
    }

    static Set<String> list(PreflightContext context) {
        ClientFactory clients = context.gateway().clients();
        String base = clients.connection().endpoints().endpoint(GcpService.RUN_REST);
        Set<String> ids = new TreeSet<>();
        String pageToken = null;
        do {
            GenericUrl url = new GenericUrl(base + "/v1/projects/" + context.project() + "/locations");
            if (pageToken != null) {
                url.put("pageToken", pageToken);
            }
            JsonNode page = ErrorTranslator.call("list the locations of run.googleapis.com", () -> get(clients, url));
            page.path("locations").forEach(location -> ids.add(location.path("locationId").asText()));
            pageToken = page.path("nextPageToken").asText("");
        } while (!pageToken.isEmpty());
        return ids;
    }

    private static JsonNode get(ClientFactory clients, GenericUrl url) {
        try {
            HttpResponse response = clients.runRest().buildGetRequest(url).setThrowExceptionOnExecuteError(false)
                    .execute();
            try {
                if (!response.isSuccessStatusCode()) {
                    // The JSON error form, which ErrorTranslator reads like the Storage client's errors.
                    throw GoogleJsonResponseException.from(GsonFactory.getDefaultInstance(), response);
                }
                return JSON.readTree(response.getContent());
            } finally {
                response.disconnect();
            }
        } catch (IOException failed) {
            throw new CloudException(ErrorCategory.UNAVAILABLE, "List the locations of run.googleapis.com failed: "
                    + failed.getMessage() + ". Check the network and plan again.", true, null, null, failed);
        }
    }
}
