package dev.terrace.emulator.http;

import io.grpc.Status;

/** The canonical mapping between HTTP statuses and gRPC codes used by Google APIs. */
public final class HttpStatuses {
  private HttpStatuses() {}

  public static Status.Code toGrpc(int httpStatus) {
    if (httpStatus >= 200 && httpStatus < 300) {
      return Status.Code.OK;
    }
    return switch (httpStatus) {
      case 400 -> Status.Code.INVALID_ARGUMENT;
      case 401 -> Status.Code.UNAUTHENTICATED;
      case 403 -> Status.Code.PERMISSION_DENIED;
      case 404 -> Status.Code.NOT_FOUND;
      case 409 -> Status.Code.ABORTED;
      case 412 -> Status.Code.FAILED_PRECONDITION;
      case 429 -> Status.Code.RESOURCE_EXHAUSTED;
      case 499 -> Status.Code.CANCELLED;
      case 501 -> Status.Code.UNIMPLEMENTED;
      case 503 -> Status.Code.UNAVAILABLE;
      case 504 -> Status.Code.DEADLINE_EXCEEDED;
      default -> httpStatus >= 500 ? Status.Code.INTERNAL : Status.Code.UNKNOWN;
    };
  }

  public static int fromGrpc(Status.Code code) {
    return switch (code) {
      case OK -> 200;
      case INVALID_ARGUMENT, OUT_OF_RANGE -> 400;
      case UNAUTHENTICATED -> 401;
      case PERMISSION_DENIED -> 403;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, ABORTED -> 409;
      case FAILED_PRECONDITION -> 412;
      case RESOURCE_EXHAUSTED -> 429;
      case CANCELLED -> 499;
      case UNIMPLEMENTED -> 501;
      case UNAVAILABLE -> 503;
      case DEADLINE_EXCEEDED -> 504;
      default -> 500;
    };
  }

  /** Returns the {@code error.status} text the JSON errors carry (the gRPC code name). */
  public static String statusName(int httpStatus) {
    return toGrpc(httpStatus).name();
  }
}
