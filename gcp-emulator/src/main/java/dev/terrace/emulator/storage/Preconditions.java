package dev.terrace.emulator.storage;

import dev.terrace.emulator.http.HttpApiException;
import dev.terrace.emulator.http.HttpRequest;
import dev.terrace.emulator.storage.StorageState.StoredObject;

/**
 * The JSON API's generation preconditions. A failed match is 412 {@code conditionNotMet}; a
 * failed not-match on a read is 304, as the real API returns.
 */
final class Preconditions {
  private static final String FAILED = "At least one of the pre-conditions you specified did not hold.";

  private Preconditions() {}

  /** Checks the preconditions of a read, patch or delete of an existing object. */
  static void check(StoredObject object, HttpRequest request) {
    request.longParam("ifGenerationMatch").ifPresent(expected -> {
      if (expected != object.generation()) {
        throw HttpApiException.preconditionFailed(FAILED, "If-Match");
      }
    });
    request.longParam("ifMetagenerationMatch").ifPresent(expected -> {
      if (expected != object.metageneration()) {
        throw HttpApiException.preconditionFailed(FAILED, "If-Metageneration-Match");
      }
    });
    request.longParam("ifGenerationNotMatch").ifPresent(expected -> {
      if (expected == object.generation()) {
        throw notModified(request);
      }
    });
    request.longParam("ifMetagenerationNotMatch").ifPresent(expected -> {
      if (expected == object.metageneration()) {
        throw notModified(request);
      }
    });
  }

  /**
   * Checks the preconditions of a write; {@code current} is null when the object does not exist,
   * where {@code ifGenerationMatch=0} (create only) is met and any other generation fails.
   */
  static void checkForWrite(StoredObject current, HttpRequest request) {
    if (current == null) {
      request.longParam("ifGenerationMatch").ifPresent(expected -> {
        if (expected != 0) {
          throw HttpApiException.preconditionFailed(FAILED, "If-Match");
        }
      });
      if (request.longParam("ifMetagenerationMatch").isPresent()) {
        throw HttpApiException.preconditionFailed(FAILED, "If-Metageneration-Match");
      }
      return;
    }
    check(current, request);
  }

  private static HttpApiException notModified(HttpRequest request) {
    // Writes report an unmet not-match as 412; reads as 304.
    return request.method().equals("GET")
        ? new HttpApiException(304, "notModified", "Not Modified")
        : HttpApiException.preconditionFailed(FAILED, "If-None-Match");
  }
}
