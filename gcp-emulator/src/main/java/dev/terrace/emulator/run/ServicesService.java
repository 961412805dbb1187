package dev.terrace.emulator.run;

import com.google.cloud.run.v2.CreateServiceRequest;
import com.google.cloud.run.v2.DeleteServiceRequest;
import com.google.cloud.run.v2.GetServiceRequest;
import com.google.cloud.run.v2.ListServicesRequest;
import com.google.cloud.run.v2.ListServicesResponse;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServicesGrpc;
import com.google.cloud.run.v2.UpdateServiceRequest;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.iam.v1.TestIamPermissionsResponse;
import com.google.longrunning.Operation;
import dev.terrace.emulator.Pages;
import dev.terrace.emulator.Rpc;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** The {@code google.cloud.run.v2.Services} gRPC service. */
final class ServicesService extends ServicesGrpc.ServicesImplBase {

  // NOTE: Cloud Run does not document its page sizes; these are the emulator's choice.
  private static final int DEFAULT_PAGE_SIZE = 100;
  private static final int MAX_PAGE_SIZE = 1000;

  private final RunContext run;
  private final ServiceDeployer deployer;
  private final RunIam iam;

  ServicesService(RunContext run, ServiceDeployer deployer) {
    this.run = run;
    this.deployer = deployer;
    this.iam = new RunIam(run);
  }

  @Override
  public void createService(CreateServiceRequest request, StreamObserver<Operation> response) {
    Rpc.respond(response, deployer.create(request));
  }

  @Override
  public void getService(GetServiceRequest request, StreamObserver<Service> response) {
    String name = RunNames.parse(request.getName(), "services").name();
    Service service = run.world.read(() -> run.store.services.get(name));
    if (service == null) {
      throw RunResources.notFound(name);
    }
    Rpc.respond(response, service);
  }

  @Override
  public void listServices(ListServicesRequest request, StreamObserver<ListServicesResponse> response) {
    RunNames.requireParent(request.getParent());
    List<Service> services = run.world.read(() -> RunStore.childrenOf(run.store.services, request.getParent() + "/services"));
    Pages.Page<Service> page = Pages.page(services, request.getPageSize(), request.getPageToken(), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    Rpc.respond(response, ListServicesResponse.newBuilder().addAllServices(page.items()).setNextPageToken(page.nextPageToken()).build());
  }

  @Override
  public void updateService(UpdateServiceRequest request, StreamObserver<Operation> response) {
    Rpc.respond(response, deployer.update(request));
  }

  @Override
  public void deleteService(DeleteServiceRequest request, StreamObserver<Operation> response) {
    Rpc.respond(response, deployer.delete(request));
  }

  @Override
  public void getIamPolicy(GetIamPolicyRequest request, StreamObserver<Policy> response) {
    Rpc.respond(response, iam.get(request, "services"));
  }

  @Override
  public void setIamPolicy(SetIamPolicyRequest request, StreamObserver<Policy> response) {
    Rpc.respond(response, iam.set(request, "services"));
  }

  @Override
  public void testIamPermissions(TestIamPermissionsRequest request, StreamObserver<TestIamPermissionsResponse> response) {
    Rpc.respond(response, iam.test(request, "services"));
  }
}
