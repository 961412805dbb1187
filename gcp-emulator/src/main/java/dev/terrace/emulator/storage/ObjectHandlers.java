package dev.terrace.emulator.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.emulator.ProtoJson;
import dev.terrace.emulator.World;
import dev.terrace.emulator.http.HttpApiException;
import dev.terrace.emulator.http.HttpRequest;
import dev.terrace.emulator.http.HttpResponse;
import dev.terrace.emulator.storage.StorageState.Bucket;
import dev.terrace.emulator.storage.StorageState.StoredObject;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Object methods of the Cloud Storage JSON API: uploads (media, multipart and resumable), get
 * (metadata or {@code alt=media}), list with prefix and delimiter, patch and delete, each with the
 * generation and metageneration preconditions.
 */
final class ObjectHandlers {
  private final World world;
  private final StorageState state;
  private final Map<String, PendingUpload> uploads = new ConcurrentHashMap<>();

  /** A resumable upload session: its metadata and the bytes received so far. */
  private record PendingUpload(String bucket, ObjectNode metadata, Map<String, List<String>> query, ByteArrayOutputStream received) {}

  ObjectHandlers(World world) {
    this.world = world;
    this.state = world.storage();
  }

  HttpResponse upload(HttpRequest request) {
    String type = request.queryParam("uploadType").orElse("media");
    String bucket = request.pathParam("bucket");
    find(bucket);
    return switch (type) {
      case "media" -> {
        String name = request.queryParam("name").orElseThrow(() -> HttpApiException.badRequest("Required parameter: name"));
        ObjectNode metadata = ProtoJson.MAPPER.createObjectNode().put("name", name);
        request.header("Content-Type").ifPresent(t -> metadata.put("contentType", t));
        yield store(bucket, metadata, request.body(), request.query());
      }
      case "multipart" -> {
        Multipart.Parts parts = Multipart.parse(request);
        yield store(bucket, parts.metadata(), parts.content(), request.query());
      }
      case "resumable" -> startResumable(request, bucket);
      default -> throw HttpApiException.badRequest("Invalid uploadType: " + type);
    };
  }

  HttpResponse insertMetadataOnly(HttpRequest request) {
    String bucket = request.pathParam("bucket");
    find(bucket);
    return store(bucket, request.jsonBody(), new byte[0], request.query());
  }

  /** Takes the next chunk of a resumable upload; the last chunk (total size known) stores the object. */
  HttpResponse resumeUpload(HttpRequest request) {
    String id = request.queryParam("upload_id").orElseThrow(() -> HttpApiException.badRequest("Required parameter: upload_id"));
    PendingUpload upload = uploads.get(id);
    if (upload == null) {
      throw HttpApiException.notFound("No such upload session: " + id);
    }
    synchronized (upload) {
      upload.received().writeBytes(request.body());
      String range = request.header("Content-Range").orElse("");
      long total = totalOf(range);
      long have = upload.received().size();
      if (total < 0 || have < total) {
        Map<String, String> headers = have == 0 ? Map.of() : Map.of("Range", "bytes=0-" + (have - 1));
        return new HttpResponse(308, null, new byte[0], headers);
      }
      uploads.remove(id);
      return store(upload.bucket(), upload.metadata(), upload.received().toByteArray(), upload.query());
    }
  }

  HttpResponse get(HttpRequest request) {
    StoredObject object = findObject(request.pathParam("bucket"), request.pathParam("object"));
    request.longParam("generation").ifPresent(generation -> {
      if (generation != object.generation()) {
        throw noSuchObject(request.pathParam("bucket"), request.pathParam("object"));
      }
    });
    Preconditions.check(object, request);
    if (request.queryParam("alt").orElse("json").equals("media")) {
      String contentType = object.metadata().path("contentType").asText("application/octet-stream");
      return new HttpResponse(
          200,
          contentType,
          object.content(),
          Map.of(
              "x-goog-generation", String.valueOf(object.generation()),
              "x-goog-metageneration", String.valueOf(object.metageneration()),
              "x-goog-hash", "crc32c=" + object.metadata().path("crc32c").asText() + ",md5=" + object.metadata().path("md5Hash").asText()));
    }
    return HttpResponse.ok(object.metadata());
  }

  HttpResponse list(HttpRequest request) {
    Bucket bucket = find(request.pathParam("bucket"));
    String prefix = request.queryParam("prefix").orElse("");
    String delimiter = request.queryParam("delimiter").orElse("");
    List<JsonNode> items = new ArrayList<>();
    TreeSet<String> prefixes = new TreeSet<>();
    world.read(() -> {
      for (StoredObject object : bucket.objects().values()) {
        String name = object.metadata().get("name").asText();
        if (!name.startsWith(prefix)) {
          continue;
        }
        int cut = delimiter.isEmpty() ? -1 : name.indexOf(delimiter, prefix.length());
        if (cut >= 0) {
          prefixes.add(name.substring(0, cut + delimiter.length()));
        } else {
          items.add(object.metadata());
        }
      }
      return null;
    });
    ObjectNode result = StoragePaging.page("storage#objects", items, request);
    if (!prefixes.isEmpty()) {
      ArrayNode array = result.putArray("prefixes");
      prefixes.forEach(array::add);
    }
    return HttpResponse.ok(result);
  }

  HttpResponse patch(HttpRequest request) {
    ObjectNode body = request.jsonBody();
    return world.write(() -> {
      String bucketName = request.pathParam("bucket");
      String name = request.pathParam("object");
      StoredObject object = findObject(bucketName, name);
      Preconditions.check(object, request);
      ObjectNode changed = object.metadata().deepCopy();
      for (String field : List.of("contentType", "contentEncoding", "contentDisposition", "contentLanguage", "cacheControl", "metadata")) {
        if (body.has(field)) {
          StorageJson.mergePatch(changed, ProtoJson.MAPPER.createObjectNode().set(field, body.get(field)));
        }
      }
      changed.put("metageneration", String.valueOf(object.metageneration() + 1));
      changed.put("updated", StorageJson.time(world.clock().instant()));
      StoredObject updated = new StoredObject(changed, object.content());
      find(bucketName).objects().put(name, updated);
      return HttpResponse.ok(changed);
    });
  }

  HttpResponse delete(HttpRequest request) {
    return world.write(() -> {
      String bucketName = request.pathParam("bucket");
      String name = request.pathParam("object");
      StoredObject object = findObject(bucketName, name);
      Preconditions.check(object, request);
      find(bucketName).objects().remove(name);
      return HttpResponse.noContent();
    });
  }

  private HttpResponse startResumable(HttpRequest request, String bucket) {
    ObjectNode metadata = request.jsonBody();
    request.queryParam("name").ifPresent(name -> metadata.put("name", name));
    requireName(metadata);
    String id = UUID.randomUUID().toString().replace("-", "");
    uploads.put(id, new PendingUpload(bucket, metadata, request.query(), new ByteArrayOutputStream()));
    String host = request.header("Host").orElse("127.0.0.1");
    String location = "http://" + host + "/upload/storage/v1/b/" + bucket + "/o?uploadType=resumable&upload_id=" + id;
    return new HttpResponse(200, null, new byte[0], Map.of("Location", location));
  }

  /** Stores a new generation of the object after checking the preconditions against the live one. */
  private HttpResponse store(String bucketName, ObjectNode requested, byte[] content, Map<String, List<String>> query) {
    String name = requireName(requested);
    HttpRequest preconditions = new HttpRequest("POST", "", Map.of(), query, new com.sun.net.httpserver.Headers(), new byte[0]);
    return world.write(() -> {
      Bucket bucket = find(bucketName);
      StoredObject current = bucket.objects().get(name);
      Preconditions.checkForWrite(current, preconditions);
      Instant now = world.clock().instant();
      long generation = Math.max(now.getEpochSecond() * 1_000_000L + now.getNano() / 1000, current == null ? 0 : current.generation() + 1);
      ObjectNode metadata = requested.deepCopy();
      metadata.put("kind", "storage#object");
      metadata.put("id", bucketName + "/" + name + "/" + generation);
      metadata.put("selfLink", "http://127.0.0.1/storage/v1/b/" + bucketName + "/o/" + name);
      metadata.put("mediaLink", "http://127.0.0.1/download/storage/v1/b/" + bucketName + "/o/" + name + "?generation=" + generation + "&alt=media");
      metadata.put("name", name);
      metadata.put("bucket", bucketName);
      metadata.put("generation", String.valueOf(generation));
      metadata.put("metageneration", "1");
      if (!metadata.hasNonNull("contentType")) {
        metadata.put("contentType", "application/octet-stream");
      }
      metadata.put("storageClass", bucket.metadata().path("storageClass").asText("STANDARD"));
      metadata.put("size", String.valueOf(content.length));
      metadata.put("md5Hash", StorageJson.md5(content));
      metadata.put("crc32c", StorageJson.crc32c(content));
      metadata.put("etag", "C" + Long.toHexString(generation) + "=");
      metadata.put("timeCreated", StorageJson.time(now));
      metadata.put("updated", StorageJson.time(now));
      metadata.put("timeStorageClassUpdated", StorageJson.time(now));
      bucket.objects().put(name, new StoredObject(metadata, content));
      return HttpResponse.ok(metadata);
    });
  }

  private static String requireName(ObjectNode metadata) {
    String name = metadata.path("name").asText("");
    if (name.isEmpty()) {
      throw HttpApiException.badRequest("Required field: name");
    }
    return name;
  }

  private static long totalOf(String contentRange) {
    int slash = contentRange.lastIndexOf('/');
    if (slash < 0 || contentRange.endsWith("/*")) {
      return -1;
    }
    try {
      return Long.parseLong(contentRange.substring(slash + 1).trim());
    } catch (NumberFormatException e) {
      throw HttpApiException.badRequest("Invalid Content-Range: " + contentRange);
    }
  }

  private Bucket find(String name) {
    return state.bucket(name).orElseThrow(() -> HttpApiException.notFound("The specified bucket does not exist."));
  }

  private StoredObject findObject(String bucketName, String name) {
    Bucket bucket = find(bucketName);
    StoredObject object = world.read(() -> bucket.objects().get(name));
    if (object == null) {
      throw noSuchObject(bucketName, name);
    }
    return object;
  }

  private static HttpApiException noSuchObject(String bucket, String name) {
    return HttpApiException.notFound("No such object: " + bucket + "/" + name);
  }
}
