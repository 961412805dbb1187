package dev.terrace.emulator.storage;

import dev.terrace.emulator.Apis;
import dev.terrace.emulator.World;
import dev.terrace.emulator.http.HttpApiServer;
import dev.terrace.emulator.http.Route;
import java.util.Map;

/**
 * Registers the Cloud Storage JSON API routes the Java client's default HTTP transport calls.
 * Method ids are the JSON API's own ({@code storage.buckets.insert}), so fault targets and the
 * request log use the names found in the API reference.
 */
public final class StorageApi {
  private static final String BUCKETS = "/storage/v1/b";
  private static final String BUCKET = BUCKETS + "/{bucket}";
  private static final String OBJECTS = BUCKET + "/o";
  private static final String OBJECT = OBJECTS + "/{object}";
  private static final String UPLOAD = "/upload/storage/v1/b/{bucket}/o";

  private StorageApi() {}

  public static void register(HttpApiServer server, World world) {
    BucketHandlers buckets = new BucketHandlers(world);
    ObjectHandlers objects = new ObjectHandlers(world);

    server.add(route("POST", BUCKETS, "storage.buckets.insert", buckets::insert));
    server.add(route("GET", BUCKETS, "storage.buckets.list", buckets::list));
    server.add(route("GET", BUCKET, "storage.buckets.get", buckets::get));
    server.add(route("PATCH", BUCKET, "storage.buckets.patch", buckets::patch));
    server.add(route("PUT", BUCKET, "storage.buckets.update", buckets::update));
    server.add(route("DELETE", BUCKET, "storage.buckets.delete", buckets::delete));
    server.add(route("GET", BUCKET + "/iam", "storage.buckets.getIamPolicy", buckets::getIamPolicy));
    server.add(route("PUT", BUCKET + "/iam", "storage.buckets.setIamPolicy", buckets::setIamPolicy));
    server.add(route("GET", BUCKET + "/iam/testPermissions", "storage.buckets.testIamPermissions", buckets::testIamPermissions));

    server.add(route("POST", UPLOAD, "storage.objects.insert", objects::upload));
    server.add(route("PUT", UPLOAD, "storage.objects.insert", objects::resumeUpload));
    server.add(route("POST", OBJECTS, "storage.objects.insert", objects::insertMetadataOnly));
    server.add(route("GET", OBJECTS, "storage.objects.list", objects::list));
    server.add(route("GET", OBJECT, "storage.objects.get", objects::get));
    server.add(route("GET", "/download" + OBJECT, "storage.objects.get", objects::get));
    server.add(route("PATCH", OBJECT, "storage.objects.patch", objects::patch));
    server.add(route("DELETE", OBJECT, "storage.objects.delete", objects::delete));
  }

  private static Route route(String method, String pattern, String methodId, Route.Handler handler) {
    return new Route(method, pattern, methodId, Apis.STORAGE, StorageApi::resourceName, handler);
  }

  /** Returns {@code projects/_/buckets/B[/objects/O]}, the resource name form IAM and audit logs use. */
  static String resourceName(Map<String, String> params) {
    String bucket = params.get("bucket");
    if (bucket == null) {
      return "";
    }
    String object = params.get("object");
    return "projects/_/buckets/" + bucket + (object == null ? "" : "/objects/" + object);
  }
}
