package dev.terrace.emulator.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.emulator.ProtoJson;
import dev.terrace.emulator.http.HttpApiException;
import dev.terrace.emulator.http.HttpRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Parses a {@code multipart/related} upload: a JSON metadata part, then the content part. */
final class Multipart {
  private Multipart() {}

  record Parts(ObjectNode metadata, byte[] content) {}

  static Parts parse(HttpRequest request) {
    String contentType = request.header("Content-Type").orElse("");
    int at = contentType.indexOf("boundary=");
    if (at < 0) {
      throw HttpApiException.badRequest("A multipart upload needs a Content-Type with a boundary.");
    }
    String boundary = contentType.substring(at + "boundary=".length()).split(";")[0].trim().replace("\"", "");
    byte[] body = request.body();
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int first = indexOf(body, delimiter, 0);
    int second = first < 0 ? -1 : indexOf(body, delimiter, first + delimiter.length);
    int third = second < 0 ? -1 : indexOf(body, delimiter, second + delimiter.length);
    if (first < 0 || second < 0 || third < 0) {
      throw HttpApiException.badRequest("The multipart upload must hold a metadata part and a content part.");
    }
    byte[] metadataPart = partBody(body, first + delimiter.length, second);
    byte[] contentPart = partBody(body, second + delimiter.length, third);
    try {
      ObjectNode metadata = (ObjectNode) ProtoJson.MAPPER.readTree(metadataPart);
      return new Parts(metadata, contentPart);
    } catch (IOException | ClassCastException e) {
      throw HttpApiException.badRequest("The metadata part of the upload is not a JSON object.");
    }
  }

  /** Returns the part's body: after its blank header line, without the CRLF before the next delimiter. */
  private static byte[] partBody(byte[] body, int start, int end) {
    byte[] blankLine = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    int headersEnd = indexOf(body, blankLine, start);
    if (headersEnd < 0 || headersEnd > end) {
      throw HttpApiException.badRequest("A multipart part has no header section.");
    }
    int contentStart = headersEnd + blankLine.length;
    int contentEnd = end;
    if (contentEnd >= 2 && body[contentEnd - 2] == '\r' && body[contentEnd - 1] == '\n') {
      contentEnd -= 2;
    }
    return Arrays.copyOfRange(body, contentStart, Math.max(contentStart, contentEnd));
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
