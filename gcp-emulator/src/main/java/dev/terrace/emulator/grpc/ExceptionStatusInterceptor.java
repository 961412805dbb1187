package dev.terrace.emulator.grpc;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets service methods fail by throwing {@link StatusRuntimeException}: it closes the call with the
 * exception's status and trailers (error details included). Without it gRPC returns UNKNOWN.
 * Any other exception is a bug in the emulator and closes the call with INTERNAL.
 */
public final class ExceptionStatusInterceptor implements ServerInterceptor {
  private static final Logger LOG = LoggerFactory.getLogger(ExceptionStatusInterceptor.class);

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> listener;
    try {
      listener = next.startCall(call, headers);
    } catch (RuntimeException e) {
      closeWith(call, e);
      return new ServerCall.Listener<>() {};
    }
    return new SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onMessage(Q message) {
        run(() -> super.onMessage(message));
      }

      @Override
      public void onHalfClose() {
        run(super::onHalfClose);
      }

      @Override
      public void onReady() {
        run(super::onReady);
      }

      private void run(Runnable step) {
        try {
          step.run();
        } catch (RuntimeException e) {
          closeWith(call, e);
        }
      }
    };
  }

  private static void closeWith(ServerCall<?, ?> call, RuntimeException e) {
    if (e instanceof StatusRuntimeException status) {
      Metadata trailers = status.getTrailers() != null ? status.getTrailers() : new Metadata();
      call.close(status.getStatus(), trailers);
      return;
    }
    LOG.error("Emulator failed serving {}", call.getMethodDescriptor().getFullMethodName(), e);
    call.close(Status.INTERNAL.withDescription("emulator error: " + e).withCause(e), new Metadata());
  }
}
