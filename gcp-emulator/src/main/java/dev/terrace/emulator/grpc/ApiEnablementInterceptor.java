package dev.terrace.emulator.grpc;

import dev.terrace.emulator.World;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;

/**
 * Fails every call of one API with the real SERVICE_DISABLED error while the API is not enabled (or
 * its propagation delay has not passed). Installed per service by {@code ModuleContext.addService}.
 */
public final class ApiEnablementInterceptor implements ServerInterceptor {
  private final World world;
  private final String api;

  public ApiEnablementInterceptor(World world, String api) {
    this.world = world;
    this.api = api;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    try {
      world.requireEnabled(api);
    } catch (StatusRuntimeException disabled) {
      call.close(disabled.getStatus(), disabled.getTrailers());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }
}
