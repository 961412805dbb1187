package dev.terrace.emulator.run;

import com.google.cloud.run.v2.DeleteRevisionRequest;
import com.google.cloud.run.v2.GetRevisionRequest;
import com.google.cloud.run.v2.ListRevisionsRequest;
import com.google.cloud.run.v2.ListRevisionsResponse;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.RevisionsGrpc;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTargetStatus;
import com.google.longrunning.Operation;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.Pages;
import dev.terrace.emulator.Rpc;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** The {@code google.cloud.run.v2.Revisions} gRPC service. */
final class RevisionsService extends RevisionsGrpc.RevisionsImplBase {

  // NOTE: Cloud Run does not document its page sizes; these are the emulator's choice.
  private static final int DEFAULT_PAGE_SIZE = 100;
  private static final int MAX_PAGE_SIZE = 1000;

  private final RunContext run;

  RevisionsService(RunContext run) {
    this.run = run;
  }

  @Override
  public void getRevision(GetRevisionRequest request, StreamObserver<Revision> response) {
    Revision revision = run.world.read(() -> run.store.revisions.get(request.getName()));
    if (revision == null) {
      throw notFound(request.getName());
    }
    Rpc.respond(response, revision);
  }

  @Override
  public void listRevisions(ListRevisionsRequest request, StreamObserver<ListRevisionsResponse> response) {
    String service = RunNames.parse(request.getParent(), "services").name();
    List<Revision> revisions = run.world.read(() -> {
      if (!run.store.services.containsKey(service)) {
        throw RunResources.notFound(service);
      }
      return RunStore.childrenOf(run.store.revisions, service + "/revisions");
    });
    Pages.Page<Revision> page = Pages.page(revisions, request.getPageSize(), request.getPageToken(), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    Rpc.respond(response, ListRevisionsResponse.newBuilder().addAllRevisions(page.items()).setNextPageToken(page.nextPageToken()).build());
  }

  /** Deletes a revision that no traffic reaches. Cloud Run rejects the deletion of a serving one. */
  @Override
  public void deleteRevision(DeleteRevisionRequest request, StreamObserver<Operation> response) {
    String name = request.getName();
    Operation operation = run.world.write(() -> {
      Revision revision = run.store.revisions.get(name);
      if (revision == null) {
        throw notFound(name);
      }
      RunResources.requireEtag(request.getEtag(), revision.getEtag(), name);
      Service service = run.store.services.get(revision.getService());
      String revisionId = RunNames.lastSegment(name);
      if (service != null && (serves(service, revisionId) || service.getLatestCreatedRevision().equals(name))) {
        throw GrpcErrors.failedPrecondition(
            "Revision '" + revisionId + "' cannot be deleted because it is serving traffic or is the latest revision of service '"
                + RunNames.lastSegment(service.getName()) + "'.");
      }
      Revision deleted = revision.toBuilder().setDeleteTime(run.now()).build();
      String operationName = run.operationName(name.substring(0, name.indexOf("/services/")));
      if (!request.getValidateOnly()) {
        run.store.revisions.remove(name);
      }
      return run.world.operations().finished(operationName, deleted, deleted);
    });
    Rpc.respond(response, operation);
  }

  private static boolean serves(Service service, String revisionId) {
    for (TrafficTargetStatus status : service.getTrafficStatusesList()) {
      if (status.getRevision().equals(revisionId) && status.getPercent() > 0) {
        return true;
      }
    }
    return false;
  }

  private static RuntimeException notFound(String name) {
    return GrpcErrors.notFound("Resource '" + RunNames.lastSegment(name) + "' of kind 'REVISION' does not exist.");
  }
}
