package dev.terrace.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import dev.terrace.emulator.ProtoJson;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request, with its path parameters decoded.
 *
 * @param method HTTP method
 * @param path raw path, still percent-encoded
 * @param pathParams values of the route's {@code {name}} segments, decoded
 * @param query query parameters, decoded, every value in order
 * @param headers request headers
 * @param body request body, possibly empty
 */
public record HttpRequest(
    String method,
    String path,
    Map<String, String> pathParams,
    Map<String, List<String>> query,
    Headers headers,
    byte[] body) {

  public String pathParam(String name) {
    return pathParams.get(name);
  }

  /** Returns the first value of the query parameter, if present. */
  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Returns the query parameter as a long, if present. */
  public Optional<Long> longParam(String name) {
    Optional<String> text = queryParam(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(text.get()));
    } catch (NumberFormatException e) {
      throw HttpApiException.badRequest("Invalid value for " + name + ": " + text.get());
    }
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.getFirst(name));
  }

  /** Parses the body as a JSON object; an empty body is an empty object. */
  public ObjectNode jsonBody() {
    if (body.length == 0) {
      return ProtoJson.MAPPER.createObjectNode();
    }
    try {
      JsonNode parsed = ProtoJson.MAPPER.readTree(body);
      if (!(parsed instanceof ObjectNode object)) {
        throw HttpApiException.badRequest("The request body must be a JSON object.");
      }
      return object;
    } catch (IOException e) {
      throw HttpApiException.badRequest("The request body is not valid JSON: " + e.getMessage());
    }
  }
}
