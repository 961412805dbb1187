package dev.terrace.emulator.run;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.World;
import io.grpc.BindableService;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Locale;

/**
 * Rejects requests for resources of another project, as Google APIs do for a project the caller
 * cannot see: PERMISSION_DENIED with ErrorInfo {@code IAM_PERMISSION_DENIED}, naming the
 * permission the method needs ({@code run.services.create}, {@code cloudtasks.queues.list}, …).
 */
public final class ProjectScope implements ServerInterceptor {

  private static final List<String> NAME_FIELDS = List.of("name", "parent", "resource");

  private final World world;
  private final String api;
  private final String permissionPrefix;

  private ProjectScope(World world, String api, String permissionPrefix) {
    this.world = world;
    this.api = api;
    this.permissionPrefix = permissionPrefix;
  }

  /**
   * Returns the service with the project check in front of it.
   *
   * @param permissionPrefix first part of the API's permissions, such as {@code run}
   */
  public static BindableService wrap(BindableService service, World world, String api, String permissionPrefix) {
    ProjectScope scope = new ProjectScope(world, api, permissionPrefix);
    return () -> ServerInterceptors.intercept(service.bindService(), scope);
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
      private boolean rejected;

      @Override
      public void onMessage(Q message) {
        String resource = message instanceof Message proto ? resourceOf(proto) : "";
        if (!resource.startsWith("projects/") || world.project().isThisProject(projectOf(resource))) {
          super.onMessage(message);
          return;
        }
        rejected = true;
        StatusRuntimeException denied = GrpcErrors.permissionDenied(api, permission(permissionPrefix, call.getMethodDescriptor().getServiceName(), call.getMethodDescriptor().getBareMethodName()), resource);
        call.close(denied.getStatus(), denied.getTrailers());
      }

      @Override
      public void onHalfClose() {
        if (!rejected) {
          super.onHalfClose();
        }
      }
    };
  }

  /** Returns the permission a method needs: {@code CreateService} of Cloud Run is {@code run.services.create}. */
  static String permission(String permissionPrefix, String serviceName, String method) {
    int split = 1;
    while (split < method.length() && !Character.isUpperCase(method.charAt(split))) {
      split++;
    }
    String verb = method.substring(0, split).toLowerCase(Locale.ROOT);
    String noun = method.substring(split);
    if (noun.equals("IamPolicy") || noun.equals("IamPermissions")) {
      String service = serviceName.substring(serviceName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      return permissionPrefix + "." + service + "." + verb + noun;
    }
    String collection = Character.toLowerCase(noun.charAt(0)) + noun.substring(1);
    if (!collection.endsWith("s")) {
      collection = collection + "s";
    }
    return permissionPrefix + "." + collection + "." + verb;
  }

  private static String projectOf(String resource) {
    int end = resource.indexOf('/', "projects/".length());
    return end < 0 ? resource : resource.substring(0, end);
  }

  /** Returns the request's resource name, looking one level into a message such as {@code service}. */
  private static String resourceOf(Message request) {
    String direct = nameField(request);
    if (!direct.isEmpty()) {
      return direct;
    }
    for (FieldDescriptor field : request.getDescriptorForType().getFields()) {
      if (field.getType() == FieldDescriptor.Type.MESSAGE && !field.isRepeated() && request.hasField(field)) {
        String nested = nameField((Message) request.getField(field));
        if (!nested.isEmpty()) {
          return nested;
        }
      }
    }
    return "";
  }

  private static String nameField(Message message) {
    for (String name : NAME_FIELDS) {
      FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
      if (field != null && !field.isRepeated() && field.getType() == FieldDescriptor.Type.STRING) {
        String value = (String) message.getField(field);
        if (!value.isEmpty()) {
          return value;
        }
      }
    }
    return "";
  }
}
