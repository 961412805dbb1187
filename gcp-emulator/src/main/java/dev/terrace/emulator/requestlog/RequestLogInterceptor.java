package dev.terrace.emulator.requestlog;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Records every gRPC call in the request log when it closes. Runs outermost, so it records injected faults too. */
public final class RequestLogInterceptor implements ServerInterceptor {
  // Request fields that name the resource a call is about, in order of preference.
  private static final List<String> RESOURCE_FIELDS = List.of("name", "resource", "parent", "project_id", "project");

  private final RequestLog log;

  public RequestLogInterceptor(RequestLog log) {
    this.log = log;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    Instant arrived = Instant.now();
    long start = System.nanoTime();
    String method = call.getMethodDescriptor().getFullMethodName();
    String[] resource = {""};
    ServerCall<Q, R> recording =
        new SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            log.add(new RequestRecord(arrived, method, resource[0], status.getCode(), 0, latency));
            super.close(status, trailers);
          }
        };
    ServerCall.Listener<Q> listener = next.startCall(recording, headers);
    return new SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onMessage(Q message) {
        if (resource[0].isEmpty() && message instanceof Message proto) {
          resource[0] = resourceOf(proto);
        }
        super.onMessage(message);
      }
    };
  }

  /** Returns the resource a request names, or an empty string. */
  public static String resourceOf(Message request) {
    for (String field : RESOURCE_FIELDS) {
      FieldDescriptor descriptor = request.getDescriptorForType().findFieldByName(field);
      if (descriptor != null && !descriptor.isRepeated() && descriptor.getType() == FieldDescriptor.Type.STRING) {
        String value = (String) request.getField(descriptor);
        if (!value.isEmpty()) {
          return value;
        }
      }
    }
    return "";
  }
}
