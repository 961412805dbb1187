package dev.terrace.emulator.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.emulator.ProtoJson;
import dev.terrace.emulator.http.HttpApiException;
import dev.terrace.emulator.http.HttpRequest;
import java.util.List;

/** Pages of a JSON API list: {@code maxResults} (default and limit 1000) and {@code pageToken}. */
final class StoragePaging {
  private StoragePaging() {}

  static ObjectNode page(String kind, List<JsonNode> items, HttpRequest request) {
    int size = (int) Math.min(1000, Math.max(1, request.longParam("maxResults").orElse(1000L)));
    int from;
    try {
      from = Integer.parseInt(request.queryParam("pageToken").orElse("0"));
    } catch (NumberFormatException e) {
      throw HttpApiException.badRequest("Invalid pageToken.");
    }
    int to = Math.min(items.size(), from + size);
    ObjectNode result = ProtoJson.MAPPER.createObjectNode();
    result.put("kind", kind);
    if (to > from) {
      ArrayNode array = result.putArray("items");
      items.subList(from, to).forEach(array::add);
    }
    if (to < items.size()) {
      result.put("nextPageToken", String.valueOf(to));
    }
    return result;
  }
}
