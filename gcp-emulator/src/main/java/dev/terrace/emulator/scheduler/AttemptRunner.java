package dev.terrace.emulator.scheduler;

import com.google.api.MonitoredResource;
import com.google.cloud.scheduler.v1.Job;
import com.google.cloud.scheduler.v1.RetryConfig;
import com.google.logging.type.HttpRequest;
import com.google.logging.type.LogSeverity;
import com.google.logging.v2.LogEntry;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.Durations;
import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.terrace.emulator.World;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires Cloud Scheduler jobs on the emulator clock and records each attempt: the job's
 * {@code status} and {@code lastAttemptTime}, and an AttemptStarted and AttemptFinished log entry
 * on the {@code cloud_scheduler_job} resource. A failed attempt is retried up to the job's
 * {@code retryCount} with doubling backoff.
 */
final class AttemptRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AttemptRunner.class);
  // How often, in real time, the runner looks for due jobs.
  private static final long TICK_MILLIS = 20;
  private static final String PAYLOAD_TYPE = "type.googleapis.com/google.cloud.scheduler.logging.";

  private final World world;
  private final SchedulerStore store;
  private final TargetDispatcher dispatcher;
  private final ScheduledExecutorService timer;
  private final PriorityQueue<Retry> retries = new PriorityQueue<>(Comparator.comparing(Retry::due));
  private ScheduledFuture<?> ticks;

  /** A retry of a failed attempt, due at an emulated time. */
  private record Retry(Instant due, String jobName, int number) {
  }

  AttemptRunner(World world, SchedulerStore store, ScheduledExecutorService timer) {
    this.world = world;
    this.store = store;
    this.dispatcher = new TargetDispatcher(world);
    this.timer = timer;
  }

  void start() {
    ticks = timer.scheduleWithFixedDelay(this::fireDueJobs, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    if (ticks != null) {
      ticks.cancel(false);
    }
  }

  /** Runs an attempt on the timer thread, so the caller does not wait for the target. */
  void startAttempt(String jobName, int retry) {
    timer.execute(() -> attempt(jobName, retry));
  }

  private void fireDueJobs() {
    try {
      Instant now = world.clock().instant();
      List<String> due = world.write(() -> {
        List<String> names = new ArrayList<>();
        for (Job job : List.copyOf(store.jobs.values())) {
          if (job.getState() == Job.State.ENABLED && job.hasScheduleTime() && !toInstant(job.getScheduleTime()).isAfter(now)) {
            names.add(job.getName());
            store.jobs.put(job.getName(), CloudSchedulerService.scheduled(job, now));
          }
        }
        return names;
      });
      due.forEach(name -> attempt(name, 0));
      for (Retry retry = nextDueRetry(now); retry != null; retry = nextDueRetry(now)) {
        attempt(retry.jobName(), retry.number());
      }
    } catch (RuntimeException e) {
      LOG.error("Cloud Scheduler tick failed", e);
    }
  }

  private void attempt(String jobName, int retry) {
    Job job = world.read(() -> store.jobs.get(jobName));
    if (job == null) {
      return;
    }
    Instant started = world.clock().instant();
    writeLog(job, "AttemptStarted", LogSeverity.INFO, null);
    TargetDispatcher.Outcome outcome = dispatcher.dispatch(job);
    Status status = outcome.toStatus();
    world.update(() -> {
      Job current = store.jobs.get(jobName);
      if (current != null) {
        store.jobs.put(jobName, current.toBuilder().setStatus(status).setLastAttemptTime(CloudSchedulerService.timestamp(started)).build());
      }
    });
    writeLog(job, "AttemptFinished", outcome.code() == Code.OK ? LogSeverity.INFO : LogSeverity.ERROR, outcome);
    LOG.info("Cloud Scheduler job {} attempt {} finished with {}", jobName, retry, outcome.code());
    if (outcome.code() != Code.OK && retry < job.getRetryConfig().getRetryCount()) {
      Instant due = world.clock().instant().plus(backoff(job.getRetryConfig(), retry));
      synchronized (retries) {
        retries.add(new Retry(due, jobName, retry + 1));
      }
    }
  }

  private Retry nextDueRetry(Instant now) {
    synchronized (retries) {
      Retry next = retries.peek();
      return next == null || next.due().isAfter(now) ? null : retries.poll();
    }
  }

  /** Returns the wait before retry number {@code retry + 1}: min backoff doubled, capped. */
  static Duration backoff(RetryConfig retry, int attempt) {
    Duration min = Duration.ofNanos(Durations.toNanos(retry.getMinBackoffDuration()));
    Duration max = Duration.ofNanos(Durations.toNanos(retry.getMaxBackoffDuration()));
    int doublings = Math.min(attempt, Math.max(retry.getMaxDoublings(), 0));
    Duration wait = min.multipliedBy(1L << Math.min(doublings, 30));
    return wait.compareTo(max) > 0 ? max : wait;
  }

  private void writeLog(Job job, String event, LogSeverity severity, TargetDispatcher.Outcome outcome) {
    Struct.Builder payload =
        Struct.newBuilder()
            .putFields("@type", text(PAYLOAD_TYPE + event))
            .putFields("jobName", text(job.getName()))
            .putFields("targetType", text(job.hasHttpTarget() ? "HTTP" : job.getTargetCase().name()));
    if (job.hasHttpTarget()) {
      payload.putFields("url", text(job.getHttpTarget().getUri()));
    }
    String[] parts = job.getName().split("/");
    LogEntry.Builder entry =
        LogEntry.newBuilder()
            .setLogName(world.projectName() + "/logs/" + URLEncoder.encode("cloudscheduler.googleapis.com/executions", StandardCharsets.UTF_8))
            .setResource(
                MonitoredResource.newBuilder()
                    .setType("cloud_scheduler_job")
                    .putLabels("job_id", parts[5])
                    .putLabels("location", parts[3])
                    .putLabels("project_id", world.projectId()))
            .setSeverity(severity);
    if (outcome != null) {
      if (outcome.code() != Code.OK) {
        payload.putFields("status", text(outcome.code().name()));
        payload.putFields("debugInfo", text(outcome.message()));
      }
      if (outcome.httpStatus() > 0) {
        entry.setHttpRequest(HttpRequest.newBuilder().setStatus(outcome.httpStatus()));
      }
    }
    world.logs().write(entry.setJsonPayload(payload).build());
  }

  private static Value text(String value) {
    return Value.newBuilder().setStringValue(value).build();
  }

  private static Instant toInstant(com.google.protobuf.Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
