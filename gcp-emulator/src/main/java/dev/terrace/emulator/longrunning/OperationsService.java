package dev.terrace.emulator.longrunning;

import com.google.longrunning.CancelOperationRequest;
import com.google.longrunning.DeleteOperationRequest;
import com.google.longrunning.GetOperationRequest;
import com.google.longrunning.ListOperationsRequest;
import com.google.longrunning.ListOperationsResponse;
import com.google.longrunning.Operation;
import com.google.longrunning.OperationsGrpc;
import com.google.longrunning.WaitOperationRequest;
import com.google.protobuf.Empty;
import dev.terrace.emulator.GrpcErrors;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;

/** {@code google.longrunning.Operations} over the shared registry. */
public final class OperationsService extends OperationsGrpc.OperationsImplBase {
  private static final Duration MAX_WAIT = Duration.ofSeconds(10);

  private final OperationsRegistry registry;

  public OperationsService(OperationsRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void getOperation(GetOperationRequest request, StreamObserver<Operation> response) {
    respond(response, find(request.getName()));
  }

  @Override
  public void listOperations(ListOperationsRequest request, StreamObserver<ListOperationsResponse> response) {
    // The name field contains the collection; the filter language is not emulated.
    List<Operation> found = registry.list(request.getName());
    respond(response, ListOperationsResponse.newBuilder().addAllOperations(found).build());
  }

  @Override
  public void deleteOperation(DeleteOperationRequest request, StreamObserver<Empty> response) {
    if (!registry.delete(request.getName())) {
      throw notFound(request.getName());
    }
    respond(response, Empty.getDefaultInstance());
  }

  @Override
  public void cancelOperation(CancelOperationRequest request, StreamObserver<Empty> response) {
    find(request.getName());
    registry.cancel(request.getName());
    respond(response, Empty.getDefaultInstance());
  }

  @Override
  public void waitOperation(WaitOperationRequest request, StreamObserver<Operation> response) {
    Duration timeout = MAX_WAIT;
    if (request.hasTimeout()) {
      Duration requested = Duration.ofSeconds(request.getTimeout().getSeconds(), request.getTimeout().getNanos());
      timeout = requested.compareTo(MAX_WAIT) < 0 ? requested : MAX_WAIT;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Operation current = find(request.getName());
    while (!current.getDone() && System.nanoTime() < deadline) {
      sleepBriefly();
      current = find(request.getName());
    }
    respond(response, current);
  }

  private Operation find(String name) {
    return registry.get(name).orElseThrow(() -> notFound(name));
  }

  private static io.grpc.StatusRuntimeException notFound(String name) {
    return GrpcErrors.notFound("Operation " + name + " not found.");
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw GrpcErrors.error(com.google.rpc.Code.CANCELLED, "interrupted while waiting");
    }
  }

  private static <T> void respond(StreamObserver<T> observer, T value) {
    observer.onNext(value);
    observer.onCompleted();
  }
}
