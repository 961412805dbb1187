package dev.terrace.emulator.run;

import com.google.cloud.run.v2.CancelExecutionRequest;
import com.google.cloud.run.v2.DeleteExecutionRequest;
import com.google.cloud.run.v2.Execution;
import com.google.cloud.run.v2.ExecutionsGrpc;
import com.google.cloud.run.v2.GetExecutionRequest;
import com.google.cloud.run.v2.GetTaskRequest;
import com.google.cloud.run.v2.ListExecutionsRequest;
import com.google.cloud.run.v2.ListExecutionsResponse;
import com.google.cloud.run.v2.ListTasksRequest;
import com.google.cloud.run.v2.ListTasksResponse;
import com.google.cloud.run.v2.Task;
import com.google.cloud.run.v2.TasksGrpc;
import com.google.longrunning.Operation;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.Pages;
import dev.terrace.emulator.Rpc;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** The {@code google.cloud.run.v2.Executions} gRPC service. */
final class ExecutionsService extends ExecutionsGrpc.ExecutionsImplBase {

  // NOTE: Cloud Run does not document its page sizes; these are the emulator's choice.
  private static final int DEFAULT_PAGE_SIZE = 100;
  private static final int MAX_PAGE_SIZE = 1000;

  private final RunContext run;
  private final ExecutionRunner runner;

  ExecutionsService(RunContext run, ExecutionRunner runner) {
    this.run = run;
    this.runner = runner;
  }

  @Override
  public void getExecution(GetExecutionRequest request, StreamObserver<Execution> response) {
    Execution execution = run.world.read(() -> run.store.executions.get(request.getName()));
    if (execution == null) {
      throw GrpcErrors.notFound("Resource '" + RunNames.lastSegment(request.getName()) + "' of kind 'EXECUTION' does not exist.");
    }
    Rpc.respond(response, execution);
  }

  @Override
  public void listExecutions(ListExecutionsRequest request, StreamObserver<ListExecutionsResponse> response) {
    String job = RunNames.parse(request.getParent(), "jobs").name();
    List<Execution> executions = run.world.read(() -> {
      if (!run.store.jobs.containsKey(job)) {
        throw RunResources.notFound(job);
      }
      return RunStore.childrenOf(run.store.executions, job + "/executions");
    });
    Pages.Page<Execution> page = Pages.page(executions, request.getPageSize(), request.getPageToken(), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    Rpc.respond(response, ListExecutionsResponse.newBuilder().addAllExecutions(page.items()).setNextPageToken(page.nextPageToken()).build());
  }

  @Override
  public void cancelExecution(CancelExecutionRequest request, StreamObserver<Operation> response) {
    Rpc.respond(response, runner.cancel(request));
  }

  @Override
  public void deleteExecution(DeleteExecutionRequest request, StreamObserver<Operation> response) {
    Rpc.respond(response, runner.delete(request));
  }

  /** The {@code google.cloud.run.v2.Tasks} gRPC service: the tasks of executions, read only. */
  static final class TasksService extends TasksGrpc.TasksImplBase {
    private final RunContext run;

    TasksService(RunContext run) {
      this.run = run;
    }

    @Override
    public void getTask(GetTaskRequest request, StreamObserver<Task> response) {
      Task task = run.world.read(() -> run.store.tasks.get(request.getName()));
      if (task == null) {
        throw GrpcErrors.notFound("Resource '" + RunNames.lastSegment(request.getName()) + "' of kind 'TASK' does not exist.");
      }
      Rpc.respond(response, task);
    }

    @Override
    public void listTasks(ListTasksRequest request, StreamObserver<ListTasksResponse> response) {
      List<Task> tasks = run.world.read(() -> RunStore.childrenOf(run.store.tasks, request.getParent() + "/tasks"));
      Pages.Page<Task> page = Pages.page(tasks, request.getPageSize(), request.getPageToken(), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
      Rpc.respond(response, ListTasksResponse.newBuilder().addAllTasks(page.items()).setNextPageToken(page.nextPageToken()).build());
    }
  }
}
