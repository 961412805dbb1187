package dev.terrace.emulator.tasks;

import com.google.cloud.tasks.v2.HttpRequest;
import com.google.cloud.tasks.v2.Task;
import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.terrace.emulator.World;
import dev.terrace.emulator.run.RunInvoker;
import dev.terrace.emulator.run.RunModule;
import java.time.Instant;
import java.util.List;
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
        world.update(() -> store.recordAttempt(task.getName(), dispatched, response));
        LOG.debug("Dispatched task {} with outcome {}", task.getName(), code);
      }
    } catch (RuntimeException e) {
      LOG.error("Cloud Tasks dispatch failed", e);
    }
  }
}
