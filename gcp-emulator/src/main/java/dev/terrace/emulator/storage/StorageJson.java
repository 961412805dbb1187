package dev.terrace.emulator.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.CRC32C;

/** JSON helpers for Cloud Storage resources. */
final class StorageJson {
  private StorageJson() {}

  /** RFC 3339 with milliseconds, the format the JSON API uses for times. */
  static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /**
   * Applies a JSON merge patch: objects merge field by field, {@code null} removes a field, and
   * anything else replaces the old value. This is how the JSON API's patch treats maps like labels.
   */
  static void mergePatch(ObjectNode target, JsonNode patch) {
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (value.isNull()) {
        target.remove(field.getKey());
      } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode existing) {
        mergePatch(existing, value);
      } else {
        target.set(field.getKey(), value.deepCopy());
      }
    }
  }

  static String md5(byte[] content) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  /** Base64 of the big-endian CRC32C, as the {@code crc32c} field stores it. */
  static String crc32c(byte[] content) {
    CRC32C crc = new CRC32C();
    crc.update(content);
    byte[] bytes = ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    return Base64.getEncoder().encodeToString(bytes);
  }
}
