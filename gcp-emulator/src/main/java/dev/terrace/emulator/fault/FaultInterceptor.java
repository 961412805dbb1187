package dev.terrace.emulator.fault;

import com.google.protobuf.Message;
import com.google.rpc.Code;
import dev.terrace.emulator.GrpcErrors;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.function.Function;

/** Applies the fault rules to gRPC calls: waits the injected latency, then fails or proceeds. */
public final class FaultInterceptor implements ServerInterceptor {
  private final Faults faults;
  private final Function<String, String> apiOfService;
  private final long projectNumber;

  /**
   * @param apiOfService maps a gRPC service name to the API it belongs to, for quota error details
   */
  public FaultInterceptor(Faults faults, Function<String, String> apiOfService, long projectNumber) {
    this.faults = faults;
    this.apiOfService = apiOfService;
    this.projectNumber = projectNumber;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    FaultOutcome outcome = faults.decide(method);
    sleep(outcome.delay());
    if (!outcome.fails()) {
      return next.startCall(call, headers);
    }
    StatusRuntimeException error = toException(outcome, call.getMethodDescriptor().getServiceName());
    call.close(error.getStatus(), error.getTrailers());
    return new ServerCall.Listener<>() {};
  }

  private StatusRuntimeException toException(FaultOutcome outcome, String serviceName) {
    if (outcome.isQuota()) {
      String api = apiOfService.apply(serviceName);
      Message[] details = GrpcErrors.quotaDetails(api, projectNumber, api + "/default_requests", outcome.quotaRetryDelay());
      return GrpcErrors.error(Code.RESOURCE_EXHAUSTED, outcome.message(), details);
    }
    return Status.fromCode(outcome.code()).withDescription(outcome.message()).asRuntimeException(new Metadata());
  }

  static void sleep(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
