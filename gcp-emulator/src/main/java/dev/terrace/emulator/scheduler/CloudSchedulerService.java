package dev.terrace.emulator.scheduler;

import com.google.cloud.scheduler.v1.CloudSchedulerGrpc;
import com.google.cloud.scheduler.v1.CreateJobRequest;
import com.google.cloud.scheduler.v1.DeleteJobRequest;
import com.google.cloud.scheduler.v1.GetJobRequest;
import com.google.cloud.scheduler.v1.HttpMethod;
import com.google.cloud.scheduler.v1.Job;
import com.google.cloud.scheduler.v1.ListJobsRequest;
import com.google.cloud.scheduler.v1.ListJobsResponse;
import com.google.cloud.scheduler.v1.PauseJobRequest;
import com.google.cloud.scheduler.v1.ResumeJobRequest;
import com.google.cloud.scheduler.v1.RetryConfig;
import com.google.cloud.scheduler.v1.RunJobRequest;
import com.google.cloud.scheduler.v1.UpdateJobRequest;
import com.google.protobuf.Duration;
import com.google.protobuf.Empty;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.FieldMaskUtil;
import com.google.protobuf.util.Timestamps;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.Pages;
import dev.terrace.emulator.Rpc;
import dev.terrace.emulator.World;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code google.cloud.scheduler.v1.CloudScheduler} gRPC service. */
final class CloudSchedulerService extends CloudSchedulerGrpc.CloudSchedulerImplBase {

  // Cloud Scheduler serves at most 500 jobs per page, which is also its default.
  private static final int DEFAULT_PAGE_SIZE = 500;
  private static final int MAX_PAGE_SIZE = 500;

  private static final Logger LOG = LoggerFactory.getLogger(CloudSchedulerService.class);
  private static final Pattern PARENT = Pattern.compile("projects/[^/]+/locations/[^/]+");
  private static final Pattern JOB_NAME = Pattern.compile("(projects/[^/]+/locations/[^/]+)/jobs/([A-Za-z0-9_-]{1,500})");
  static final String INVALID_SCHEDULE = "Schedule or time zone is invalid.";

  private final World world;
  private final SchedulerStore store;
  private final AttemptRunner attempts;

  CloudSchedulerService(World world, SchedulerStore store, AttemptRunner attempts) {
    this.world = world;
    this.store = store;
    this.attempts = attempts;
  }

  @Override
  public void createJob(CreateJobRequest request, StreamObserver<Job> response) {
    if (!PARENT.matcher(request.getParent()).matches()) {
      throw GrpcErrors.invalidArgument("Invalid parent \"" + request.getParent() + "\": expected projects/PROJECT_ID/locations/LOCATION_ID.");
    }
    Job requested = request.getJob();
    String name = requireName(requested.getName());
    if (!name.startsWith(request.getParent() + "/jobs/")) {
      throw GrpcErrors.invalidArgument("Job name \"" + name + "\" is not in the parent \"" + request.getParent() + "\".");
    }
    Job created = world.write(() -> {
      if (store.jobs.containsKey(name)) {
        throw GrpcErrors.alreadyExists("Job " + name + " already exists.");
      }
      Instant now = world.clock().instant();
      Job job = withDefaults(requested).toBuilder()
          .setName(name)
          .setState(Job.State.ENABLED)
          .setUserUpdateTime(timestamp(now))
          .clearStatus()
          .clearLastAttemptTime()
          .build();
      job = scheduled(validate(job), now);
      store.jobs.put(name, job);
      return job;
    });
    LOG.info("Created Cloud Scheduler job {} ({} {})", name, created.getSchedule(), created.getTimeZone());
    Rpc.respond(response, created);
  }

  @Override
  public void getJob(GetJobRequest request, StreamObserver<Job> response) {
    Rpc.respond(response, world.read(() -> requireJob(request.getName())));
  }

  @Override
  public void listJobs(ListJobsRequest request, StreamObserver<ListJobsResponse> response) {
    String prefix = request.getParent() + "/jobs/";
    List<Job> jobs = world.read(() -> store.jobs.values().stream().filter(job -> job.getName().startsWith(prefix)).toList());
    Pages.Page<Job> page = Pages.page(jobs, request.getPageSize(), request.getPageToken(), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    Rpc.respond(response, ListJobsResponse.newBuilder().addAllJobs(page.items()).setNextPageToken(page.nextPageToken()).build());
  }

  @Override
  public void updateJob(UpdateJobRequest request, StreamObserver<Job> response) {
    String name = requireName(request.getJob().getName());
    Job updated = world.write(() -> {
      Job existing = requireJob(name);
      Job.Builder changed = existing.toBuilder();
      if (request.getUpdateMask().getPathsCount() == 0) {
        changed = request.getJob().toBuilder()
            .setName(name)
            .setState(existing.getState())
            .setStatus(existing.getStatus())
            .setLastAttemptTime(existing.getLastAttemptTime());
      } else {
        FieldMaskUtil.merge(request.getUpdateMask(), request.getJob(), changed, new FieldMaskUtil.MergeOptions().setReplaceMessageFields(true).setReplaceRepeatedFields(true));
      }
      Instant now = world.clock().instant();
      Job job = validate(withDefaults(changed.setUserUpdateTime(timestamp(now)).build()));
      job = job.getState() == Job.State.ENABLED ? scheduled(job, now) : job;
      store.jobs.put(name, job);
      return job;
    });
    Rpc.respond(response, updated);
  }

  @Override
  public void deleteJob(DeleteJobRequest request, StreamObserver<Empty> response) {
    world.update(() -> {
      requireJob(request.getName());
      store.jobs.remove(request.getName());
    });
    Rpc.respond(response, Empty.getDefaultInstance());
  }

  @Override
  public void pauseJob(PauseJobRequest request, StreamObserver<Job> response) {
    Job paused = world.write(() -> {
      Job job = requireJob(request.getName()).toBuilder().setState(Job.State.PAUSED).build();
      store.jobs.put(job.getName(), job);
      return job;
    });
    Rpc.respond(response, paused);
  }

  @Override
  public void resumeJob(ResumeJobRequest request, StreamObserver<Job> response) {
    Job resumed = world.write(() -> {
      Job job = scheduled(requireJob(request.getName()).toBuilder().setState(Job.State.ENABLED).build(), world.clock().instant());
      store.jobs.put(job.getName(), job);
      return job;
    });
    Rpc.respond(response, resumed);
  }

  /** Starts an attempt now, whatever the schedule; the attempt's outcome lands in the job's status. */
  @Override
  public void runJob(RunJobRequest request, StreamObserver<Job> response) {
    Job job = world.read(() -> requireJob(request.getName()));
    attempts.startAttempt(job.getName(), 0);
    Rpc.respond(response, job);
  }

  private Job requireJob(String name) {
    Job job = store.jobs.get(name);
    if (job == null) {
      throw GrpcErrors.notFound("Job not found.");
    }
    return job;
  }

  private static String requireName(String name) {
    Matcher matcher = JOB_NAME.matcher(name);
    if (!matcher.matches()) {
      throw GrpcErrors.invalidArgument(
          "Job name \"" + name + "\" is invalid: expected projects/PROJECT_ID/locations/LOCATION_ID/jobs/JOB_ID, where JOB_ID has"
              + " at most 500 letters, digits, hyphens or underscores.");
    }
    return name;
  }

  /** Rejects what Cloud Scheduler rejects: a bad schedule or time zone, a missing or bad target. */
  private static Job validate(Job job) {
    if (Schedule.parse(job.getSchedule(), job.getTimeZone()).isEmpty()) {
      throw GrpcErrors.invalidArgument(INVALID_SCHEDULE);
    }
    if (job.getTargetCase() == Job.TargetCase.TARGET_NOT_SET) {
      throw GrpcErrors.invalidArgument("A job target is required: set http_target, pubsub_target or app_engine_http_target.");
    }
    if (job.hasHttpTarget()) {
      String uri = job.getHttpTarget().getUri();
      if (!uri.startsWith("http://") && !uri.startsWith("https://")) {
        throw GrpcErrors.invalidArgument("HttpTarget.uri \"" + uri + "\" must start with http:// or https://.");
      }
    }
    return job;
  }

  /** Fills in the defaults Cloud Scheduler reports back for fields a request leaves unset. */
  private static Job withDefaults(Job job) {
    Job.Builder filled = job.toBuilder();
    if (job.getTimeZone().isEmpty()) {
      filled.setTimeZone("Etc/UTC");
    }
    if (job.hasHttpTarget() && job.getHttpTarget().getHttpMethod() == HttpMethod.HTTP_METHOD_UNSPECIFIED) {
      filled.setHttpTarget(job.getHttpTarget().toBuilder().setHttpMethod(HttpMethod.POST));
    }
    if (!job.hasAttemptDeadline()) {
      filled.setAttemptDeadline(Duration.newBuilder().setSeconds(180));
    }
    RetryConfig retry = job.getRetryConfig();
    RetryConfig.Builder retryFilled = retry.toBuilder();
    if (!retry.hasMaxRetryDuration()) {
      retryFilled.setMaxRetryDuration(Duration.getDefaultInstance());
    }
    if (!retry.hasMinBackoffDuration()) {
      retryFilled.setMinBackoffDuration(Duration.newBuilder().setSeconds(5));
    }
    if (!retry.hasMaxBackoffDuration()) {
      retryFilled.setMaxBackoffDuration(Duration.newBuilder().setSeconds(3600));
    }
    if (retry.getMaxDoublings() == 0) {
      retryFilled.setMaxDoublings(5);
    }
    return filled.setRetryConfig(retryFilled).build();
  }

  /** Sets the job's next run time from its schedule. */
  static Job scheduled(Job job, Instant after) {
    return Schedule.parse(job.getSchedule(), job.getTimeZone())
        .flatMap(schedule -> schedule.nextAfter(after))
        .map(next -> job.toBuilder().setScheduleTime(timestamp(next)).build())
        .orElse(job);
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamps.fromNanos(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
  }
}
