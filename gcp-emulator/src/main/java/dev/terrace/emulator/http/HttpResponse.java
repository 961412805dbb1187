package dev.terrace.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.emulator.ProtoJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP response to send.
 *
 * @param status HTTP status code
 * @param contentType media type of the body, or {@code null} when there is no body
 * @param body bytes to send
 * @param headers extra headers
 */
public record HttpResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
  public static final String JSON = "application/json; charset=UTF-8";

  public static HttpResponse json(int status, JsonNode body) {
    try {
      return new HttpResponse(status, JSON, ProtoJson.MAPPER.writeValueAsBytes(body), Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON response", e);
    }
  }

  public static HttpResponse ok(JsonNode body) {
    return json(200, body);
  }

  /** Returns 204 No Content, the JSON API response to a delete. */
  public static HttpResponse noContent() {
    return new HttpResponse(204, null, new byte[0], Map.of());
  }

  public static HttpResponse bytes(String contentType, byte[] body) {
    return new HttpResponse(200, contentType, body, Map.of());
  }

  public static HttpResponse text(int status, String text) {
    return new HttpResponse(status, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
  }
}
