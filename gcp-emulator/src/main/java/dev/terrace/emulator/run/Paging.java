package dev.terrace.emulator.run;

import dev.terrace.emulator.GrpcErrors;
import java.util.List;

/**
 * Splits list results into pages. The page token is the offset of the next item, which is
 * enough for an emulator whose lists change rarely between two page reads.
 */
public final class Paging {

  /** Page size used when a request leaves it at 0, the largest most Google list methods allow. */
  static final int DEFAULT_PAGE_SIZE = 1000;

  private Paging() {
  }

  /**
   * One page of results.
   *
   * @param items the results on this page
   * @param nextPageToken token of the following page, empty on the last page
   */
  public record Page<T>(List<T> items, String nextPageToken) {
  }

  /** Returns the page that starts at {@code pageToken}, raising INVALID_ARGUMENT for a bad token. */
  public static <T> Page<T> page(List<T> all, int pageSize, String pageToken) {
    int size = pageSize <= 0 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, DEFAULT_PAGE_SIZE);
    int start = 0;
    if (!pageToken.isEmpty()) {
      try {
        start = Integer.parseInt(pageToken);
      } catch (NumberFormatException e) {
        throw GrpcErrors.invalidArgument("Invalid page token \"" + pageToken + "\".");
      }
      if (start < 0 || start > all.size()) {
        throw GrpcErrors.invalidArgument("Invalid page token \"" + pageToken + "\".");
      }
    }
    int end = Math.min(all.size(), start + size);
    String next = end < all.size() ? Integer.toString(end) : "";
    return new Page<>(List.copyOf(all.subList(start, end)), next);
  }
}
