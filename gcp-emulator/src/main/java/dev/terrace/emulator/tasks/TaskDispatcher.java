package dev.terrace.emulator.tasks;

import com.google.api.MonitoredResource;
import com.google.cloud.tasks.v2.HttpRequest;
import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.Task;
import com.google.logging.type.LogSeverity;
import com.google.logging.v2.LogEntry;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.terrace.emulator.World;
import dev.terrace.emulator.run.RunInvoker;
import dev.terrace.emulator.run.RunModule;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches due HTTP tasks of running queues to Cloud Run service URLs of this emulator, inside
 * the process. Tasks whose URL points elsewhere stay queued, because the emulator sends no
 * requests outside the sandbox.
 */
final class TaskDispatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TaskDispatcher.class);
  // How often, in real time, the dispatcher looks for due tasks.
  private static final long TICK_MILLIS = 20;

  private final World world;
  private final TasksStore store;
  private final ScheduledExecutorService timer;
  private ScheduledFuture<?> ticks;

  TaskDispatcher(World world, TasksStore store, ScheduledExecutorService timer) {
    this.world = world;
    this.store = store;
    this.timer = timer;
  }

  void start() {
    ticks = timer.scheduleWithFixedDelay(this::dispatchDue, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    if (ticks != null) {
      ticks.cancel(false);
    }
  }

  /**
   * Writes the task operation log entry Cloud Tasks writes for a sampled attempt, on the
   * {@code cloud_tasks_queue} resource.
   *
   * <p>NOTE: Cloud Tasks documents which operations it logs but not the entry's fields; the log
   * name, labels and payload fields follow public log samples.
   */
  private void logAttempt(Queue queue, Task task, Instant dispatched, Code code) {
    String[] parts = queue.getName().split("/");
    HttpRequest request = task.getHttpRequest();
    Struct attempt =
        Struct.newBuilder()
            .putFields("status", text(code.name()))
            .putFields("targetAddress", text(request.getHttpMethod().name() + " " + request.getUrl()))
            .putFields("targetType", text("HTTP"))
            .putFields("dispatchCount", Value.newBuilder().setNumberValue(task.getDispatchCount() + 1).build())
            .putFields("dispatchTime", text(dispatched.toString()))
            .build();
    Struct payload =
        Struct.newBuilder()
            .putFields("@type", text("type.googleapis.com/google.cloud.tasks.logging.v1.TaskActivityLog"))
            .putFields("task", text(task.getName()))
            .putFields("attemptResponseLog", Value.newBuilder().setStructValue(attempt).build())
            .build();
    world.logs().write(
        LogEntry.newBuilder()
            .setLogName(world.projectName() + "/logs/cloudtasks.googleapis.com%2Ftask_operations_log")
            .setResource(
                MonitoredResource.newBuilder()
                    .setType("cloud_tasks_queue")
                    .putLabels("project_id", world.projectId())
                    .putLabels("location", parts[3])
                    .putLabels("queue_id", parts[5])
                    .putLabels("target_type", "HTTP"))
            .setSeverity(code == Code.OK ? LogSeverity.INFO : LogSeverity.ERROR)
            .setJsonPayload(payload)
            .build());
  }

  private static Value text(String value) {
    return Value.newBuilder().setStringValue(value).build();
  }

  private void dispatchDue() {
    try {
      RunInvoker run = RunModule.invoker(world);
      List<Task> due = world.read(() -> store.dueHttpTasks(world.clock().instant()));
      for (Task task : due) {
        HttpRequest request = task.getHttpRequest();
        if (!run.isServiceUrl(request.getUrl())) {
          continue;
        }
        Instant dispatched = world.clock().instant();
        RunInvoker.Result result =
            run.callServiceUrl(request.getHttpMethod().name(), request.getUrl(), request.hasOidcToken() || request.hasOauthToken(), "Google-Cloud-Tasks");
        Code code = result.code();
        Status response = Status.newBuilder().setCode(code.getNumber()).setMessage(code == Code.OK ? "" : result.message()).build();
        Queue queue = world.write(() -> {
          Queue owner = store.queueOfTask(task.getName());
          store.recordAttempt(task.getName(), dispatched, response);
          return owner;
        });
        if (queue != null && ThreadLocalRandom.current().nextDouble() < queue.getStackdriverLoggingConfig().getSamplingRatio()) {
          logAttempt(queue, task, dispatched, code);
        }
        LOG.debug("Dispatched task {} with outcome {}", task.getName(), code);
      }
    } catch (RuntimeException e) {
      LOG.error("Cloud Tasks dispatch failed", e);
    }
  }
}
