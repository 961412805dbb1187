package dev.terrace.emulator;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Map;

/**
 * Builds the errors the real APIs return: a status code, a message and structured details
 * (ErrorInfo, RetryInfo, QuotaFailure, …) packed into the {@code grpc-status-details-bin} trailer,
 * where the official clients read them.
 */
public final class GrpcErrors {
  private GrpcErrors() {}

  /** Returns an exception carrying the code, the message and each detail packed as {@code Any}. */
  public static StatusRuntimeException error(Code code, String message, Message... details) {
    return StatusProto.toStatusRuntimeException(status(code, message, details));
  }

  /** Returns the google.rpc.Status behind {@link #error}; also used for failed operations. */
  public static Status status(Code code, String message, Message... details) {
    Status.Builder status = Status.newBuilder().setCode(code.getNumber()).setMessage(message);
    for (Message detail : details) {
      status.addDetails(Any.pack(detail));
    }
    return status.build();
  }

  public static StatusRuntimeException notFound(String message) {
    return error(Code.NOT_FOUND, message);
  }

  public static StatusRuntimeException alreadyExists(String message) {
    return error(Code.ALREADY_EXISTS, message);
  }

  public static StatusRuntimeException invalidArgument(String message) {
    return error(Code.INVALID_ARGUMENT, message);
  }

  public static StatusRuntimeException failedPrecondition(String message) {
    return error(Code.FAILED_PRECONDITION, message);
  }

  public static StatusRuntimeException aborted(String message) {
    return error(Code.ABORTED, message);
  }

  public static StatusRuntimeException unimplemented(String method) {
    return error(Code.UNIMPLEMENTED, method + " is not implemented by the emulator");
  }

  /** Returns the error for a caller without the permission: reason {@code IAM_PERMISSION_DENIED}, as the real APIs send. */
  public static StatusRuntimeException permissionDenied(String api, String permission, String resource) {
    ErrorInfo info =
        errorInfo(
            "IAM_PERMISSION_DENIED",
            "iam.googleapis.com",
            Map.of("permission", permission, "resource", resource, "service", api));
    return error(
        Code.PERMISSION_DENIED,
        "Permission '" + permission + "' denied on resource '" + resource + "' (or it may not exist).",
        info);
  }

  /** The error every call of a disabled API returns. */
  public static StatusRuntimeException serviceDisabled(String api, long projectNumber) {
    return error(Code.PERMISSION_DENIED, serviceDisabledMessage(api, projectNumber), serviceDisabledInfo(api, projectNumber));
  }

  public static String serviceDisabledMessage(String api, long projectNumber) {
    return Apis.title(api)
        + " ("
        + api
        + ") is disabled in project "
        + projectNumber
        + ", or has not been used there before. Enable it, wait a few minutes for the change to"
        + " propagate, then retry.";
  }

  public static ErrorInfo serviceDisabledInfo(String api, long projectNumber) {
    return errorInfo(
        "SERVICE_DISABLED",
        "googleapis.com",
        Map.of(
            "service", api,
            "consumer", "projects/" + projectNumber,
            "serviceTitle", Apis.title(api)));
  }

  /**
   * A rate or quota limit; carries ErrorInfo {@code RATE_LIMIT_EXCEEDED}, a QuotaFailure naming the
   * limit and a RetryInfo whose delay the client should wait.
   */
  public static StatusRuntimeException quotaExceeded(
      String api, long projectNumber, String quotaMetric, java.time.Duration retryDelay) {
    return error(Code.RESOURCE_EXHAUSTED, quotaMessage(api, quotaMetric), quotaDetails(api, projectNumber, quotaMetric, retryDelay));
  }

  public static String quotaMessage(String api, String quotaMetric) {
    return "Quota exceeded for quota metric '" + quotaMetric + "' of service '" + api + "'.";
  }

  public static Message[] quotaDetails(String api, long projectNumber, String quotaMetric, java.time.Duration retryDelay) {
    ErrorInfo info =
        errorInfo(
            "RATE_LIMIT_EXCEEDED",
            "googleapis.com",
            Map.of(
                "service", api,
                "consumer", "projects/" + projectNumber,
                "quota_metric", quotaMetric,
                "quota_limit", "DefaultRequestsPerMinutePerProject"));
    QuotaFailure failure =
        QuotaFailure.newBuilder()
            .addViolations(
                QuotaFailure.Violation.newBuilder()
                    .setSubject("project:" + projectNumber)
                    .setDescription("Rate of requests to " + quotaMetric + " is over the per-minute limit."))
            .build();
    RetryInfo retry = RetryInfo.newBuilder().setRetryDelay(toProto(retryDelay)).build();
    return new Message[] {info, failure, retry};
  }

  public static ErrorInfo errorInfo(String reason, String domain, Map<String, String> metadata) {
    return ErrorInfo.newBuilder().setReason(reason).setDomain(domain).putAllMetadata(metadata).build();
  }

  public static Duration toProto(java.time.Duration duration) {
    return Duration.newBuilder().setSeconds(duration.getSeconds()).setNanos(duration.getNano()).build();
  }
}
