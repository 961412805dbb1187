package dev.terrace.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.emulator.ProtoJson;
import java.util.List;
import java.util.Map;

/**
 * An error in the JSON shape the Google REST APIs use, which the Java clients parse into
 * {@code GoogleJsonError}: {@code {"error": {"code", "message", "errors": [{"message", "domain",
 * "reason", …}], "status", "details": [{"@type": …}]}}}.
 */
public final class HttpApiException extends RuntimeException {
  private final int httpStatus;
  private final String reason;
  private final String domain;
  private final String locationType;
  private final String location;
  private final List<JsonNode> details;
  private final Map<String, String> headers;

  public HttpApiException(
      int httpStatus,
      String reason,
      String domain,
      String message,
      String locationType,
      String location,
      List<JsonNode> details,
      Map<String, String> headers) {
    super(message);
    this.httpStatus = httpStatus;
    this.reason = reason;
    this.domain = domain;
    this.locationType = locationType;
    this.location = location;
    this.details = List.copyOf(details);
    this.headers = Map.copyOf(headers);
  }

  public HttpApiException(int httpStatus, String reason, String message) {
    this(httpStatus, reason, "global", message, null, null, List.of(), Map.of());
  }

  public static HttpApiException badRequest(String message) {
    return new HttpApiException(400, "invalid", message);
  }

  public static HttpApiException notFound(String message) {
    return new HttpApiException(404, "notFound", message);
  }

  public static HttpApiException conflict(String message) {
    return new HttpApiException(409, "conflict", message);
  }

  /** 412 for a failed {@code ifGenerationMatch}-style precondition. */
  public static HttpApiException preconditionFailed(String message, String location) {
    return new HttpApiException(412, "conditionNotMet", "global", message, "header", location, List.of(), Map.of());
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String reason() {
    return reason;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** Returns the JSON error body. */
  public ObjectNode toJson() {
    ObjectNode root = ProtoJson.MAPPER.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("code", httpStatus);
    error.put("message", getMessage());
    ObjectNode item = error.putArray("errors").addObject();
    item.put("message", getMessage());
    item.put("domain", domain);
    item.put("reason", reason);
    if (locationType != null) {
      item.put("locationType", locationType);
      item.put("location", location);
    }
    error.put("status", HttpStatuses.statusName(httpStatus));
    if (!details.isEmpty()) {
      ArrayNode detailArray = error.putArray("details");
      details.forEach(detailArray::add);
    }
    return root;
  }
}
