package dev.terrace.emulator.location;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Makes each call's {@code :authority} (the host the client dialled) readable by the service
 * through {@link #AUTHORITY}, because mixin services such as ListLocations are the same gRPC method
 * on every product's host.
 */
final class AuthorityInterceptor implements ServerInterceptor {
  static final Context.Key<String> AUTHORITY = Context.key("authority");

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String authority = call.getAuthority() == null ? "" : call.getAuthority();
    return Contexts.interceptCall(Context.current().withValue(AUTHORITY, authority), call, headers, next);
  }
}
