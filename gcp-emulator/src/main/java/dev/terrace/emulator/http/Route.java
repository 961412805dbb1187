package dev.terrace.emulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One HTTP route: a method, a path pattern such as {@code /storage/v1/b/{bucket}/o/{object}}, the
 * API method id it serves (used by the request log and fault targets) and its handler. Segments
 * are matched on the raw path and decoded afterwards, so an object name with an encoded {@code /}
 * stays one segment. {@code resourceNamer} turns the path parameters into the resource name the
 * request log records.
 */
public record Route(
    String httpMethod,
    String pattern,
    String methodId,
    String api,
    Function<Map<String, String>, String> resourceNamer,
    Handler handler) {

  /** Serves one matched request; fails by throwing {@link HttpApiException}. */
  @FunctionalInterface
  public interface Handler {
    HttpResponse handle(HttpRequest request) throws Exception;
  }

  /** Returns the decoded path parameters if the raw path matches this route. */
  Optional<Map<String, String>> match(String method, String rawPath) {
    if (!httpMethod.equals(method)) {
      return Optional.empty();
    }
    String[] expected = pattern.split("/", -1);
    String[] actual = rawPath.split("/", -1);
    if (expected.length != actual.length) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < expected.length; i++) {
      String segment = expected[i];
      if (segment.startsWith("{") && segment.endsWith("}")) {
        if (actual[i].isEmpty()) {
          return Optional.empty();
        }
        params.put(segment.substring(1, segment.length() - 1), decode(actual[i]));
      } else if (!segment.equals(actual[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }

  static String decode(String text) {
    // A literal '+' in a path segment is a plus sign, not a space.
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
