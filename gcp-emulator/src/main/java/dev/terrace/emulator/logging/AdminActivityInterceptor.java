package dev.terrace.emulator.logging;

import com.google.api.MonitoredResource;
import com.google.cloud.audit.AuditLog;
import com.google.cloud.audit.AuthenticationInfo;
import com.google.logging.type.LogSeverity;
import com.google.logging.v2.LogEntry;
import com.google.protobuf.Any;
import com.google.protobuf.Message;
import dev.terrace.emulator.World;
import dev.terrace.emulator.requestlog.RequestLogInterceptor;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.List;
import java.util.function.Function;

/**
 * Writes an Admin Activity audit entry ({@code cloudaudit.googleapis.com%2Factivity}, resource
 * type {@code audited_resource}) for every successful call that changes something, as the real
 * platform does for each API.
 *
 * <p>NOTE: the real audit logs use a service-specific resource type for some APIs (for example
 * {@code service_account} or {@code cloud_run_revision}); here every entry uses
 * {@code audited_resource}, so a filter on those types finds none of them.
 */
public final class AdminActivityInterceptor implements ServerInterceptor {
  private static final List<String> CHANGING_VERBS =
      List.of("Create", "Update", "Patch", "Delete", "Undelete", "Set", "Enable", "Disable", "BatchEnable", "Add", "Destroy", "Run", "Pause", "Resume", "Purge");

  // Task-level calls are Data Access in the real audit logs, not Admin Activity.
  private static final List<String> DATA_ACCESS_METHODS = List.of("CreateTask", "DeleteTask", "RunTask");

  private final World world;
  private final Function<String, String> apiOfService;

  /** @param apiOfService maps a gRPC service name to its API, or to null for services not audited */
  public AdminActivityInterceptor(World world, Function<String, String> apiOfService) {
    this.world = world;
    this.apiOfService = apiOfService;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String api = apiOfService.apply(call.getMethodDescriptor().getServiceName());
    String method = call.getMethodDescriptor().getBareMethodName();
    if (api == null || method == null || DATA_ACCESS_METHODS.contains(method) || CHANGING_VERBS.stream().noneMatch(method::startsWith)) {
      return next.startCall(call, headers);
    }
    String[] resource = {""};
    ServerCall<Q, R> auditing =
        new SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            if (status.isOk()) {
              write(api, call.getMethodDescriptor().getFullMethodName().replace('/', '.'), resource[0]);
            }
            super.close(status, trailers);
          }
        };
    return new SimpleForwardingServerCallListener<>(next.startCall(auditing, headers)) {
      @Override
      public void onMessage(Q message) {
        if (message instanceof Message proto) {
          resource[0] = RequestLogInterceptor.resourceOf(proto);
        }
        super.onMessage(message);
      }
    };
  }

  private void write(String api, String methodName, String resourceName) {
    String caller = world.caller();
    AuditLog audit =
        AuditLog.newBuilder()
            .setServiceName(api)
            .setMethodName(methodName)
            .setResourceName(resourceName)
            .setAuthenticationInfo(AuthenticationInfo.newBuilder().setPrincipalEmail(caller.substring(caller.indexOf(':') + 1)))
            .build();
    LogEntry entry =
        LogEntry.newBuilder()
            .setLogName(world.projectName() + "/logs/cloudaudit.googleapis.com%2Factivity")
            .setResource(
                MonitoredResource.newBuilder()
                    .setType("audited_resource")
                    .putLabels("project_id", world.projectId())
                    .putLabels("service", api)
                    .putLabels("method", methodName))
            .setSeverity(LogSeverity.NOTICE)
            .setProtoPayload(Any.pack(audit))
            .build();
    world.logs().write(entry);
  }
}
