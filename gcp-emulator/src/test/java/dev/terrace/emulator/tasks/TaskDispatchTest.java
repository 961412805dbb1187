package dev.terrace.emulator.tasks;

import static dev.terrace.emulator.run.Sandbox.IMAGE;
import static dev.terrace.emulator.run.Sandbox.PARENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.CreateServiceRequest;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.GetTaskRequest;
import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.HttpRequest;
import com.google.cloud.tasks.v2.OidcToken;
import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.RetryConfig;
import com.google.cloud.tasks.v2.StackdriverLoggingConfig;
import com.google.cloud.tasks.v2.Task;
import com.google.protobuf.Duration;
import com.google.rpc.Code;
import dev.terrace.emulator.run.Sandbox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tasks aimed at a Cloud Run service URL of the emulator are dispatched and retried. */
class TaskDispatchTest {

  private static Sandbox sandbox;
  private static CloudTasksClient tasks;
  private static Service worker;

  @BeforeAll
  static void start() throws Exception {
    sandbox = Sandbox.startSeeded();
    tasks = sandbox.tasks();
    try (ServicesClient services = sandbox.services()) {
      worker = services.createServiceAsync(
          CreateServiceRequest.newBuilder()
              .setParent(PARENT)
              .setServiceId("worker")
              .setService(Service.newBuilder()
                  .setTemplate(RevisionTemplate.newBuilder().setServiceAccount(Sandbox.RUN_ACCOUNT).addContainers(Container.newBuilder().setImage(IMAGE))))
              .build()).get();
    }
    tasks.createQueue(PARENT, Queue.newBuilder()
        .setName(PARENT + "/queues/app-default")
        .setRetryConfig(RetryConfig.newBuilder().setMinBackoff(Duration.newBuilder().setNanos(50_000_000)).setMaxAttempts(100))
        .setStackdriverLoggingConfig(StackdriverLoggingConfig.newBuilder().setSamplingRatio(1.0))
        .build());
  }

  @AfterAll
  static void stop() {
    tasks.close();
    sandbox.close();
  }

  @Test
  void taskWithOidcTokenIsDeliveredAndRemoved() throws Exception {
    Task task = tasks.createTask(PARENT + "/queues/app-default", Task.newBuilder()
        .setHttpRequest(HttpRequest.newBuilder()
            .setUrl(worker.getUri() + "/tasks/send-email/")
            .setHttpMethod(HttpMethod.POST)
            .setOidcToken(OidcToken.newBuilder().setServiceAccountEmail(Sandbox.RUN_ACCOUNT)))
        .build());

    List<Task> left = awaitTasks(remaining -> remaining.isEmpty());

    assertThat(left).isEmpty();
    assertThat(sandbox.world().logs().entries()).anySatisfy(entry -> {
      assertThat(entry.getHttpRequest().getRequestUrl()).isEqualTo(worker.getUri() + "/tasks/send-email/");
      assertThat(entry.getHttpRequest().getUserAgent()).isEqualTo("Google-Cloud-Tasks");
    });
    assertThat(sandbox.world().logs().entries()).anySatisfy(entry -> {
      assertThat(entry.getResource().getType()).isEqualTo("cloud_tasks_queue");
      assertThat(entry.getResource().getLabelsMap()).containsEntry("queue_id", "app-default");
      assertThat(entry.getJsonPayload().getFieldsMap().get("task").getStringValue()).isEqualTo(task.getName());
    });
    assertThat(task.getName()).startsWith(PARENT + "/queues/app-default/tasks/");
  }

  @Test
  void taskWithoutTokenToPrivateServiceIsRetried() throws Exception {
    Task task = tasks.createTask(PARENT + "/queues/app-default", Task.newBuilder()
        .setHttpRequest(HttpRequest.newBuilder().setUrl(worker.getUri() + "/tasks/denied/"))
        .build());

    awaitTasks(remaining -> remaining.stream().anyMatch(seen -> seen.getName().equals(task.getName()) && seen.getDispatchCount() >= 2));
    Task retried = tasks.getTask(GetTaskRequest.newBuilder().setName(task.getName()).build());
    tasks.deleteTask(task.getName());

    assertThat(retried.getDispatchCount()).isGreaterThanOrEqualTo(2);
    assertThat(retried.getLastAttempt().getResponseStatus().getCode()).isEqualTo(Code.PERMISSION_DENIED_VALUE);
    assertThat(retried.getFirstAttempt().hasDispatchTime()).isTrue();
  }

  @Test
  void pausedQueueHoldsTasks() throws Exception {
    tasks.createQueue(PARENT, Queue.newBuilder().setName(PARENT + "/queues/held").build());
    tasks.pauseQueue(PARENT + "/queues/held");
    tasks.createTask(PARENT + "/queues/held", Task.newBuilder()
        .setHttpRequest(HttpRequest.newBuilder().setUrl(worker.getUri() + "/tasks/later/").setOidcToken(OidcToken.newBuilder().setServiceAccountEmail(Sandbox.RUN_ACCOUNT)))
        .build());

    Thread.sleep(200);
    List<Task> whilePaused = new ArrayList<>();
    tasks.listTasks(PARENT + "/queues/held").iterateAll().forEach(whilePaused::add);
    tasks.resumeQueue(PARENT + "/queues/held");
    List<Task> afterResume = awaitTasks("held", remaining -> remaining.isEmpty());

    assertThat(whilePaused).hasSize(1);
    assertThat(whilePaused.get(0).getDispatchCount()).isZero();
    assertThat(afterResume).isEmpty();
  }

  private static List<Task> awaitTasks(java.util.function.Predicate<List<Task>> done) throws InterruptedException {
    return awaitTasks("app-default", done);
  }

  /** Polls the queue's tasks until they match; dispatch runs on the emulator's own threads. */
  private static List<Task> awaitTasks(String queue, java.util.function.Predicate<List<Task>> done) throws InterruptedException {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
    List<Task> listed = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      listed = new ArrayList<>();
      tasks.listTasks(PARENT + "/queues/" + queue).iterateAll().forEach(listed::add);
      if (done.test(listed)) {
        return listed;
      }
      Thread.sleep(20);
    }
    return listed;
  }
}
