package dev.terrace.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Splits list results into pages with opaque page tokens (an encoded offset). */
public final class Pages {
  private Pages() {}

  /**
   * One page of a list result.
   *
   * @param items the items on this page
   * @param nextPageToken token for the next page, empty on the last page
   */
  public record Page<T>(List<T> items, String nextPageToken) {}

  /**
   * Returns the page the token points at.
   *
   * @param pageSize requested size; 0 or less means {@code defaultSize}
   * @param maxSize largest page served, whatever the request sets
   */
  public static <T> Page<T> page(List<T> all, int pageSize, String pageToken, int defaultSize, int maxSize) {
    int size = pageSize <= 0 ? defaultSize : Math.min(pageSize, maxSize);
    int from = offsetOf(pageToken);
    if (from > all.size()) {
      throw GrpcErrors.invalidArgument("Invalid page token.");
    }
    int to = Math.min(all.size(), from + size);
    String next = to < all.size() ? tokenOf(to) : "";
    return new Page<>(List.copyOf(all.subList(from, to)), next);
  }

  private static int offsetOf(String pageToken) {
    if (pageToken == null || pageToken.isEmpty()) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
      if (!text.startsWith("offset:")) {
        throw GrpcErrors.invalidArgument("Invalid page token.");
      }
      return Integer.parseInt(text.substring("offset:".length()));
    } catch (IllegalArgumentException e) {
      throw GrpcErrors.invalidArgument("Invalid page token.");
    }
  }

  private static String tokenOf(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  /** Returns a protobuf Timestamp for an instant. */
  public static com.google.protobuf.Timestamp timestamp(java.time.Instant instant) {
    return com.google.protobuf.Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
