package dev.terrace.emulator.tasks;

import static dev.terrace.emulator.run.Sandbox.PARENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.FailedPreconditionException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.CreateTaskRequest;
import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.HttpRequest;
import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.RetryConfig;
import com.google.cloud.tasks.v2.Task;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.FieldMask;
import dev.terrace.emulator.run.Sandbox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CloudTasksTest {

  private static Sandbox sandbox;
  private static CloudTasksClient tasks;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start(Sandbox.config().build());
    tasks = sandbox.tasks();
  }

  @AfterAll
  static void stop() {
    tasks.close();
    sandbox.close();
  }

  /** Returns the guide's queue: backoff 10 s to 600 s, 5 attempts, 600 s retry duration. */
  static Queue guideQueue(String id) {
    return Queue.newBuilder()
        .setName(PARENT + "/queues/" + id)
        .setRetryConfig(
            RetryConfig.newBuilder()
                .setMinBackoff(Duration.newBuilder().setSeconds(10))
                .setMaxBackoff(Duration.newBuilder().setSeconds(600))
                .setMaxAttempts(5)
                .setMaxRetryDuration(Duration.newBuilder().setSeconds(600)))
        .build();
  }

  @Test
  void queueRoundTripKeepsRetryConfig() {
    Queue created = tasks.createQueue(PARENT, guideQueue("app-default"));

    Queue read = tasks.getQueue(PARENT + "/queues/app-default");
    List<String> names = new ArrayList<>();
    tasks.listQueues(PARENT).iterateAll().forEach(queue -> names.add(queue.getName()));
    Queue updated = tasks.updateQueue(
        created.toBuilder().setRetryConfig(created.getRetryConfig().toBuilder().setMaxAttempts(7)).build(),
        FieldMask.newBuilder().addPaths("retry_config.max_attempts").build());

    assertThat(created.getState()).isEqualTo(Queue.State.RUNNING);
    assertThat(read.getRetryConfig().getMaxAttempts()).isEqualTo(5);
    assertThat(read.getRetryConfig().getMinBackoff().getSeconds()).isEqualTo(10);
    assertThat(read.getRetryConfig().getMaxBackoff().getSeconds()).isEqualTo(600);
    assertThat(read.getRetryConfig().getMaxRetryDuration().getSeconds()).isEqualTo(600);
    assertThat(read.getRateLimits().getMaxDispatchesPerSecond()).isEqualTo(500);
    assertThat(names).contains(PARENT + "/queues/app-default");
    assertThat(updated.getRetryConfig().getMaxAttempts()).isEqualTo(7);
    assertThat(updated.getRetryConfig().getMaxBackoff().getSeconds()).isEqualTo(600);
  }

  @Test
  void pauseResumePurge() {
    tasks.createQueue(PARENT, guideQueue("ops"));
    tasks.createTask(PARENT + "/queues/ops", httpTask("https://example.invalid/work"));

    Queue paused = tasks.pauseQueue(PARENT + "/queues/ops");
    Queue resumed = tasks.resumeQueue(PARENT + "/queues/ops");
    Queue purged = tasks.purgeQueue(PARENT + "/queues/ops");
    List<Task> left = new ArrayList<>();
    tasks.listTasks(PARENT + "/queues/ops").iterateAll().forEach(left::add);

    assertThat(paused.getState()).isEqualTo(Queue.State.PAUSED);
    assertThat(resumed.getState()).isEqualTo(Queue.State.RUNNING);
    assertThat(purged.hasPurgeTime()).isTrue();
    assertThat(left).isEmpty();
  }

  @Test
  void deletedQueueNameIsTombstoned() {
    tasks.createQueue(PARENT, guideQueue("tombstoned"));
    tasks.deleteQueue(PARENT + "/queues/tombstoned");

    FailedPreconditionException reused = catchThrowableOfType(FailedPreconditionException.class, () -> tasks.createQueue(PARENT, guideQueue("tombstoned")));
    NotFoundException deleted = catchThrowableOfType(NotFoundException.class, () -> tasks.getQueue(PARENT + "/queues/tombstoned"));

    assertThat(reused).isNotNull();
    assertThat(reused.getMessage()).endsWith("The queue cannot be created because a queue with this name existed too recently.");
    assertThat(deleted).isNotNull();
  }

  @Test
  void tombstoneEndsAfterConfiguredPeriod() {
    try (Sandbox shortTombstone = Sandbox.start(Sandbox.config().queueTombstonePeriod(java.time.Duration.ofHours(1)).build());
        CloudTasksClient client = shortTombstone.tasks()) {
      client.createQueue(PARENT, guideQueue("recreated"));
      client.deleteQueue(PARENT + "/queues/recreated");
      shortTombstone.emulator.clock().advance(java.time.Duration.ofMinutes(61));

      Queue again = client.createQueue(PARENT, guideQueue("recreated"));

      assertThat(again.getName()).isEqualTo(PARENT + "/queues/recreated");
    }
  }

  @Test
  void taskCreateListDeleteAndViews() {
    tasks.createQueue(PARENT, guideQueue("work"));
    Task named = httpTask("https://example.invalid/work").toBuilder().setName(PARENT + "/queues/work/tasks/job-1").build();

    Task created = tasks.createTask(CreateTaskRequest.newBuilder().setParent(PARENT + "/queues/work").setTask(named).setResponseView(Task.View.FULL).build());
    AlreadyExistsException duplicate = catchThrowableOfType(AlreadyExistsException.class, () -> tasks.createTask(PARENT + "/queues/work", named));
    Task generated = tasks.createTask(PARENT + "/queues/work", httpTask("https://example.invalid/other"));
    List<Task> listed = new ArrayList<>();
    tasks.listTasks(PARENT + "/queues/work").iterateAll().forEach(listed::add);
    tasks.deleteTask(created.getName());
    AlreadyExistsException recent = catchThrowableOfType(AlreadyExistsException.class, () -> tasks.createTask(PARENT + "/queues/work", named));

    assertThat(created.getHttpRequest().getBody().toStringUtf8()).isEqualTo("{}");
    assertThat(created.hasScheduleTime()).isTrue();
    assertThat(duplicate).isNotNull();
    assertThat(generated.getName()).matches(PARENT + "/queues/work/tasks/[0-9]+");
    assertThat(listed).hasSize(2);
    assertThat(listed.get(0).getView()).isEqualTo(Task.View.BASIC);
    assertThat(listed.get(0).getHttpRequest().getBody()).isEmpty();
    assertThat(recent.getMessage()).contains("The task cannot be created because a task with this name existed too recently.");
  }

  @Test
  void taskInMissingQueueIsFailedPrecondition() {
    FailedPreconditionException missing =
        catchThrowableOfType(FailedPreconditionException.class, () -> tasks.createTask(PARENT + "/queues/absent", httpTask("https://example.invalid/")));

    assertThat(missing.getMessage()).endsWith("Queue does not exist.");
  }

  private static Task httpTask(String url) {
    return Task.newBuilder()
        .setHttpRequest(HttpRequest.newBuilder().setUrl(url).setHttpMethod(HttpMethod.POST).setBody(ByteString.copyFromUtf8("{}")))
        .build();
  }
}
