package dev.terrace.emulator.run;

import dev.terrace.emulator.GrpcErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Etags and the not-found error of Cloud Run resources, shared by services, jobs and executions. */
final class RunResources {

  private RunResources() {
  }

  /** Rejects a write that carries an etag other than the current one, with ABORTED. */
  static void requireEtag(String requested, String current, String name) {
    if (!requested.isEmpty() && !requested.equals(current)) {
      throw GrpcErrors.aborted("The etag \"" + requested + "\" of " + name + " is stale. Read the resource again and retry.");
    }
  }

  /** Returns a new opaque etag in double quotes, the form Cloud Run uses. */
  static String etag(long generation) {
    return "\"" + Base64.getEncoder().withoutPadding().encodeToString(
        (generation + ":" + System.nanoTime()).getBytes(StandardCharsets.UTF_8)) + "\"";
  }

  /** Returns Cloud Run's NOT_FOUND error for a service or job name. */
  static RuntimeException notFound(String name) {
    return GrpcErrors.notFound("Resource '" + RunNames.lastSegment(name) + "' of kind '" + kind(name) + "' in region '" + region(name) + "' in project '" + project(name) + "' does not exist.");
  }

  private static String kind(String name) {
    return name.contains("/jobs/") ? "JOB" : "SERVICE";
  }

  private static String region(String name) {
    return name.split("/")[3];
  }

  private static String project(String name) {
    return name.split("/")[1];
  }
}
