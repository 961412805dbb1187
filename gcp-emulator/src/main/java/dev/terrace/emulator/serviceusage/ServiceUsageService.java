package dev.terrace.emulator.serviceusage;

import com.google.api.serviceusage.v1.BatchEnableServicesRequest;
import com.google.api.serviceusage.v1.BatchEnableServicesResponse;
import com.google.api.serviceusage.v1.BatchGetServicesRequest;
import com.google.api.serviceusage.v1.BatchGetServicesResponse;
import com.google.api.serviceusage.v1.DisableServiceRequest;
import com.google.api.serviceusage.v1.DisableServiceResponse;
import com.google.api.serviceusage.v1.EnableServiceRequest;
import com.google.api.serviceusage.v1.EnableServiceResponse;
import com.google.api.serviceusage.v1.GetServiceRequest;
import com.google.api.serviceusage.v1.ListServicesRequest;
import com.google.api.serviceusage.v1.ListServicesResponse;
import com.google.api.serviceusage.v1.OperationMetadata;
import com.google.api.serviceusage.v1.Service;
import com.google.api.serviceusage.v1.ServiceConfig;
import com.google.api.serviceusage.v1.ServiceUsageGrpc;
import com.google.api.serviceusage.v1.State;
import com.google.longrunning.Operation;
import com.google.rpc.Code;
import dev.terrace.emulator.Apis;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.Pages;
import static dev.terrace.emulator.Rpc.respond;
import dev.terrace.emulator.World;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code google.api.serviceusage.v1.ServiceUsage}. Enabling returns an operation that is already
 * done; calls to the API itself succeed only after the propagation delay.
 */
public final class ServiceUsageService extends ServiceUsageGrpc.ServiceUsageImplBase {
  private final World world;

  public ServiceUsageService(World world) {
    this.world = world;
  }

  @Override
  public void getService(GetServiceRequest request, StreamObserver<Service> response) {
    respond(response, describe(apiOf(request.getName())));
  }

  @Override
  public void batchGetServices(BatchGetServicesRequest request, StreamObserver<BatchGetServicesResponse> response) {
    requireThisProject(request.getParent());
    BatchGetServicesResponse.Builder found = BatchGetServicesResponse.newBuilder();
    for (String name : request.getNamesList()) {
      found.addServices(describe(apiOf(name)));
    }
    respond(response, found.build());
  }

  @Override
  public void listServices(ListServicesRequest request, StreamObserver<ListServicesResponse> response) {
    requireThisProject(request.getParent());
    String filter = request.getFilter().replace(" ", "");
    if (!filter.isEmpty() && !filter.equals("state:ENABLED") && !filter.equals("state:DISABLED")) {
      throw GrpcErrors.invalidArgument("Invalid filter '" + request.getFilter() + "'; use state:ENABLED or state:DISABLED.");
    }
    List<Service> services = new ArrayList<>();
    for (String api : Apis.all()) {
      Service service = describe(api);
      if (filter.isEmpty() || filter.equals("state:" + service.getState().name())) {
        services.add(service);
      }
    }
    Pages.Page<Service> page = Pages.page(services, request.getPageSize(), request.getPageToken(), 50, 200);
    respond(response, ListServicesResponse.newBuilder().addAllServices(page.items()).setNextPageToken(page.nextPageToken()).build());
  }

  @Override
  public void enableService(EnableServiceRequest request, StreamObserver<Operation> response) {
    String api = apiOf(request.getName());
    world.services().enable(api);
    EnableServiceResponse result = EnableServiceResponse.newBuilder().setService(describe(api)).build();
    respond(response, world.operations().finished(newOperationName(), metadata(List.of(api)), result));
  }

  @Override
  public void batchEnableServices(BatchEnableServicesRequest request, StreamObserver<Operation> response) {
    requireThisProject(request.getParent());
    if (request.getServiceIdsCount() == 0 || request.getServiceIdsCount() > 20) {
      throw GrpcErrors.invalidArgument("service_ids must name between 1 and 20 services, got " + request.getServiceIdsCount() + ".");
    }
    List<String> unknown = request.getServiceIdsList().stream().filter(api -> !Apis.isKnown(api)).toList();
    if (!unknown.isEmpty()) {
      throw notFoundOrDenied(unknown);
    }
    BatchEnableServicesResponse.Builder result = BatchEnableServicesResponse.newBuilder();
    for (String api : request.getServiceIdsList()) {
      world.services().enable(api);
      result.addServices(describe(api));
    }
    respond(response, world.operations().finished(newOperationName(), metadata(request.getServiceIdsList()), result.build()));
  }

  @Override
  public void disableService(DisableServiceRequest request, StreamObserver<Operation> response) {
    String api = apiOf(request.getName());
    world.services().disable(api);
    DisableServiceResponse result = DisableServiceResponse.newBuilder().setService(describe(api)).build();
    respond(response, world.operations().finished(newOperationName(), metadata(List.of(api)), result));
  }

  private Service describe(String api) {
    String parent = "projects/" + world.projectNumber();
    return Service.newBuilder()
        .setName(parent + "/services/" + api)
        .setParent(parent)
        .setConfig(ServiceConfig.newBuilder().setName(api).setTitle(Apis.title(api)))
        .setState(world.services().isEnabled(api) ? State.ENABLED : State.DISABLED)
        .build();
  }

  /** Returns the API of {@code projects/P/services/API}; unknown APIs fail as the real ones do. */
  private String apiOf(String name) {
    int marker = name.indexOf("/services/");
    if (marker < 0) {
      throw GrpcErrors.invalidArgument("Invalid service name '" + name + "'; expected projects/PROJECT/services/SERVICE.");
    }
    requireThisProject(name.substring(0, marker));
    String api = name.substring(marker + "/services/".length());
    if (!Apis.isKnown(api)) {
      throw notFoundOrDenied(List.of(api));
    }
    return api;
  }

  private void requireThisProject(String parent) {
    if (!world.project().isThisProject(parent)) {
      throw GrpcErrors.permissionDenied(Apis.SERVICE_USAGE, "serviceusage.services.list", parent);
    }
  }

  private StatusRuntimeException notFoundOrDenied(List<String> apis) {
    String joined = String.join(",", apis);
    return GrpcErrors.error(
        Code.PERMISSION_DENIED,
        "Service not found, or permission denied: " + joined + ".",
        GrpcErrors.errorInfo("SERVICE_CONFIG_NOT_FOUND_OR_PERMISSION_DENIED", "serviceusage.googleapis.com", Map.of("services", joined)));
  }

  private String newOperationName() {
    return "operations/acat.p2-" + world.projectNumber() + "-" + java.util.UUID.randomUUID();
  }

  private OperationMetadata metadata(List<String> apis) {
    OperationMetadata.Builder metadata = OperationMetadata.newBuilder();
    for (String api : apis) {
      metadata.addResourceNames("projects/" + world.projectNumber() + "/services/" + api);
    }
    return metadata.build();
  }
}
