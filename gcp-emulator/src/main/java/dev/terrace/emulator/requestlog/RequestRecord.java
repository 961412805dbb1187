package dev.terrace.emulator.requestlog;

import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;

/**
 * One call the emulator served.
 *
 * @param time when the call arrived (real time, not the emulator clock)
 * @param method gRPC full method name ({@code google.cloud.secretmanager.v1.SecretManagerService/GetSecret})
 *     or Cloud Storage JSON API method id ({@code storage.buckets.get})
 * @param resource resource name the request named ({@code name}, {@code parent}, {@code resource}
 *     or the bucket/object path), or an empty string
 * @param code the gRPC status code; for HTTP calls the code of the HTTP status
 * @param httpStatus the HTTP status for HTTP calls, 0 for gRPC calls
 * @param latency time from arrival to response, injected latency included
 */
public record RequestRecord(
    Instant time, String method, String resource, Status.Code code, int httpStatus, Duration latency) {

  public boolean ok() {
    return code == Status.Code.OK;
  }
}
