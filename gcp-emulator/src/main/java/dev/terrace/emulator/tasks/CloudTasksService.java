package dev.terrace.emulator.tasks;

import com.google.cloud.tasks.v2.CloudTasksGrpc;
import com.google.cloud.tasks.v2.CreateQueueRequest;
import com.google.cloud.tasks.v2.CreateTaskRequest;
import com.google.cloud.tasks.v2.DeleteQueueRequest;
import com.google.cloud.tasks.v2.DeleteTaskRequest;
import com.google.cloud.tasks.v2.GetQueueRequest;
import com.google.cloud.tasks.v2.GetTaskRequest;
import com.google.cloud.tasks.v2.ListQueuesRequest;
import com.google.cloud.tasks.v2.ListQueuesResponse;
import com.google.cloud.tasks.v2.ListTasksRequest;
import com.google.cloud.tasks.v2.ListTasksResponse;
import com.google.cloud.tasks.v2.PauseQueueRequest;
import com.google.cloud.tasks.v2.PurgeQueueRequest;
import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.ResumeQueueRequest;
import com.google.cloud.tasks.v2.Task;
import com.google.cloud.tasks.v2.UpdateQueueRequest;
import com.google.protobuf.Empty;
import dev.terrace.emulator.Pages;
import dev.terrace.emulator.World;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code google.cloud.tasks.v2.CloudTasks} service over a {@link TasksStore}. */
final class CloudTasksService extends CloudTasksGrpc.CloudTasksImplBase {

  // Cloud Tasks pages hold at most 9800 queues or 1000 tasks, and an unset page size means the maximum.
  private static final int MAX_QUEUES_PAGE = 9800;
  private static final int MAX_TASKS_PAGE = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(CloudTasksService.class);

  private final World world;
  private final TasksStore store;

  CloudTasksService(World world, TasksStore store) {
    this.world = world;
    this.store = store;
  }

  @Override
  public void createQueue(CreateQueueRequest request, StreamObserver<Queue> response) {
    write(response, () -> {
      Queue created = store.createQueue(QueueName.requireParent(request.getParent()), request.getQueue());
      LOG.info("Created queue {}", created.getName());
      return created;
    });
  }

  @Override
  public void getQueue(GetQueueRequest request, StreamObserver<Queue> response) {
    read(response, () -> store.getQueue(request.getName()));
  }

  @Override
  public void listQueues(ListQueuesRequest request, StreamObserver<ListQueuesResponse> response) {
    read(response, () -> {
      List<Queue> queues = store.listQueues(request.getParent());
      Pages.Page<Queue> page = Pages.page(queues, request.getPageSize(), request.getPageToken(), MAX_QUEUES_PAGE, MAX_QUEUES_PAGE);
      return ListQueuesResponse.newBuilder()
          .addAllQueues(page.items())
          .setNextPageToken(page.nextPageToken())
          .build();
    });
  }

  @Override
  public void updateQueue(UpdateQueueRequest request, StreamObserver<Queue> response) {
    write(response, () -> store.updateQueue(request.getQueue(), request.getUpdateMask()));
  }

  @Override
  public void deleteQueue(DeleteQueueRequest request, StreamObserver<Empty> response) {
    write(response, () -> {
      store.deleteQueue(request.getName());
      LOG.info("Deleted queue {}", request.getName());
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void purgeQueue(PurgeQueueRequest request, StreamObserver<Queue> response) {
    write(response, () -> store.purgeQueue(request.getName()));
  }

  @Override
  public void pauseQueue(PauseQueueRequest request, StreamObserver<Queue> response) {
    write(response, () -> store.setQueueState(request.getName(), Queue.State.PAUSED));
  }

  @Override
  public void resumeQueue(ResumeQueueRequest request, StreamObserver<Queue> response) {
    write(response, () -> store.setQueueState(request.getName(), Queue.State.RUNNING));
  }

  @Override
  public void createTask(CreateTaskRequest request, StreamObserver<Task> response) {
    write(response, () -> TaskViews.render(store.createTask(request.getParent(), request.getTask()), request.getResponseView()));
  }

  @Override
  public void getTask(GetTaskRequest request, StreamObserver<Task> response) {
    read(response, () -> TaskViews.render(store.getTask(request.getName()), request.getResponseView()));
  }

  @Override
  public void listTasks(ListTasksRequest request, StreamObserver<ListTasksResponse> response) {
    read(response, () -> {
      List<Task> tasks = store.listTasks(request.getParent());
      Pages.Page<Task> page = Pages.page(tasks, request.getPageSize(), request.getPageToken(), MAX_TASKS_PAGE, MAX_TASKS_PAGE);
      ListTasksResponse.Builder listed = ListTasksResponse.newBuilder().setNextPageToken(page.nextPageToken());
      page.items().forEach(task -> listed.addTasks(TaskViews.render(task, request.getResponseView())));
      return listed.build();
    });
  }

  @Override
  public void deleteTask(DeleteTaskRequest request, StreamObserver<Empty> response) {
    write(response, () -> {
      store.deleteTask(request.getName());
      return Empty.getDefaultInstance();
    });
  }

  private <T> void read(StreamObserver<T> response, Supplier<T> call) {
    reply(response, () -> world.read(call));
  }

  private <T> void write(StreamObserver<T> response, Supplier<T> call) {
    reply(response, () -> world.write(call));
  }

  private <T> void reply(StreamObserver<T> response, Supplier<T> call) {
    T result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      response.onError(e);
      return;
    }
    response.onNext(result);
    response.onCompleted();
  }
}
