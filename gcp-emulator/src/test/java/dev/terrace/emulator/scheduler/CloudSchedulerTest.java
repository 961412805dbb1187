package dev.terrace.emulator.scheduler;

import static dev.terrace.emulator.run.Sandbox.IMAGE;
import static dev.terrace.emulator.run.Sandbox.PARENT;
import static dev.terrace.emulator.run.Sandbox.SCHEDULER_ACCOUNT;
import static dev.terrace.emulator.run.Sandbox.WORKER_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.gax.rpc.InvalidArgumentException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.CreateJobRequest;
import com.google.cloud.run.v2.ExecutionTemplate;
import com.google.cloud.run.v2.JobsClient;
import com.google.cloud.run.v2.TaskTemplate;
import com.google.cloud.scheduler.v1.CloudSchedulerClient;
import com.google.cloud.scheduler.v1.HttpMethod;
import com.google.cloud.scheduler.v1.HttpTarget;
import com.google.cloud.scheduler.v1.Job;
import com.google.cloud.scheduler.v1.OAuthToken;
import com.google.cloud.scheduler.v1.OidcToken;
import com.google.cloud.scheduler.v1.RetryConfig;
import com.google.iam.v1.Binding;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.logging.v2.LogEntry;
import com.google.protobuf.FieldMask;
import com.google.rpc.Code;
import dev.terrace.emulator.run.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CloudSchedulerTest {

  private static final String RUN_URI = "https://run.googleapis.com/v2/" + PARENT + "/jobs/app-worker:run";

  private static Sandbox sandbox;
  private static CloudSchedulerClient scheduler;
  private static JobsClient runJobs;

  @BeforeAll
  static void start() throws Exception {
    // 120 emulated seconds pass per real second, so an every-minute job fires about twice a second.
    sandbox = Sandbox.start(Sandbox.config().clockAcceleration(120).build());
    sandbox.seed();
    scheduler = sandbox.scheduler();
    runJobs = sandbox.jobs();
    runJobs.createJobAsync(
        CreateJobRequest.newBuilder()
            .setParent(PARENT)
            .setJobId("app-worker")
            .setJob(
                com.google.cloud.run.v2.Job.newBuilder()
                    .setTemplate(
                        ExecutionTemplate.newBuilder()
                            .setTemplate(TaskTemplate.newBuilder().setServiceAccount(WORKER_ACCOUNT).addContainers(Container.newBuilder().setImage(IMAGE)))))
            .build()).get();
    Policy policy = runJobs.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(PARENT + "/jobs/app-worker").build());
    runJobs.setIamPolicy(
        SetIamPolicyRequest.newBuilder()
            .setResource(PARENT + "/jobs/app-worker")
            .setPolicy(policy.toBuilder().addBindings(Binding.newBuilder().setRole("roles/run.invoker").addMembers("serviceAccount:" + SCHEDULER_ACCOUNT)))
            .build());
  }

  @AfterAll
  static void stop() {
    scheduler.close();
    runJobs.close();
    sandbox.close();
  }

  static Job trigger(String id, String schedule, HttpTarget target) {
    return Job.newBuilder()
        .setName(PARENT + "/jobs/" + id)
        .setSchedule(schedule)
        .setTimeZone("UTC")
        .setHttpTarget(target)
        .setRetryConfig(RetryConfig.newBuilder().setRetryCount(3)
            .setMinBackoffDuration(com.google.protobuf.Duration.newBuilder().setSeconds(10))
            .setMaxBackoffDuration(com.google.protobuf.Duration.newBuilder().setSeconds(60)))
        .build();
  }

  static HttpTarget runTarget(boolean oidc) {
    HttpTarget.Builder target = HttpTarget.newBuilder().setUri(RUN_URI).setHttpMethod(HttpMethod.POST);
    if (oidc) {
      target.setOidcToken(OidcToken.newBuilder().setServiceAccountEmail(SCHEDULER_ACCOUNT).setAudience(RUN_URI));
    } else {
      target.setOauthToken(OAuthToken.newBuilder().setServiceAccountEmail(SCHEDULER_ACCOUNT).setScope("https://www.googleapis.com/auth/cloud-platform"));
    }
    return target.build();
  }

  @Test
  void jobRoundTripPauseResume() {
    Job created = scheduler.createJob(PARENT, trigger("round-trip", "0 3 * * *", runTarget(false)));

    Job paused = scheduler.pauseJob(created.getName());
    Job resumed = scheduler.resumeJob(created.getName());
    Job updated = scheduler.updateJob(created.toBuilder().setSchedule("30 4 * * 1").build(), FieldMask.newBuilder().addPaths("schedule").build());
    List<String> names = new ArrayList<>();
    scheduler.listJobs(PARENT).iterateAll().forEach(job -> names.add(job.getName()));
    scheduler.deleteJob(created.getName());

    assertThat(created.getState()).isEqualTo(Job.State.ENABLED);
    assertThat(created.hasScheduleTime()).isTrue();
    assertThat(created.getRetryConfig().getRetryCount()).isEqualTo(3);
    assertThat(paused.getState()).isEqualTo(Job.State.PAUSED);
    assertThat(resumed.getState()).isEqualTo(Job.State.ENABLED);
    assertThat(updated.getSchedule()).isEqualTo("30 4 * * 1");
    assertThat(updated.getHttpTarget().getUri()).isEqualTo(RUN_URI);
    assertThat(names).contains(created.getName());
    assertThat(catchThrowableOfType(NotFoundException.class, () -> scheduler.getJob(created.getName()))).isNotNull();
  }

  @Test
  void badScheduleOrTimeZoneIsInvalidArgument() {
    InvalidArgumentException badCron =
        catchThrowableOfType(InvalidArgumentException.class, () -> scheduler.createJob(PARENT, trigger("bad-cron", "*/30 * * * * *", runTarget(false))));
    InvalidArgumentException badZone = catchThrowableOfType(InvalidArgumentException.class,
        () -> scheduler.createJob(PARENT, trigger("bad-zone", "* * * * *", runTarget(false)).toBuilder().setTimeZone("Mars/Olympus").build()));

    assertThat(badCron.getMessage()).endsWith("Schedule or time zone is invalid.");
    assertThat(badZone.getMessage()).endsWith("Schedule or time zone is invalid.");
  }

  @Test
  void oidcTokenOnGoogleApiIsUnauthenticated() throws Exception {
    Job job = scheduler.createJob(PARENT, trigger("oidc-trigger", "0 0 1 1 *", runTarget(true)));

    scheduler.runJob(job.getName());
    Job attempted = await(() -> scheduler.getJob(job.getName()), seen -> seen.hasLastAttemptTime());

    assertThat(attempted.getStatus().getCode()).isEqualTo(Code.UNAUTHENTICATED_VALUE);
    assertThat(attempted.getStatus().getMessage()).startsWith("Request had invalid authentication credentials. Expected OAuth 2 access token");
    assertThat(attempted.getStatus().getDetails(0).unpack(com.google.rpc.ErrorInfo.class).getReason()).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    LogEntry finished = sandbox.world().logs().entries().stream()
        .filter(entry -> entry.getResource().getType().equals("cloud_scheduler_job"))
        .filter(entry -> entry.getResource().getLabelsMap().get("job_id").equals("oidc-trigger"))
        .filter(entry -> entry.getJsonPayload().getFieldsMap().get("@type").getStringValue().endsWith("AttemptFinished"))
        .findFirst()
        .orElseThrow();
    assertThat(finished.getHttpRequest().getStatus()).isEqualTo(401);
    assertThat(finished.getJsonPayload().getFieldsMap().get("status").getStringValue()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void failedAttemptIsRetriedRetryCountTimes() throws Exception {
    Job job = scheduler.createJob(PARENT, trigger("retried", "0 0 1 1 *", runTarget(true)));

    scheduler.runJob(job.getName());
    long finished = await(() -> attemptsFinished("retried"), count -> count >= 4);
    Thread.sleep(300);

    assertThat(finished).isEqualTo(4);
    assertThat(attemptsFinished("retried")).isEqualTo(4);
  }

  private static long attemptsFinished(String jobId) {
    return sandbox.world().logs().entries().stream()
        .filter(entry -> entry.getResource().getType().equals("cloud_scheduler_job"))
        .filter(entry -> entry.getResource().getLabelsMap().get("job_id").equals(jobId))
        .filter(entry -> entry.getJsonPayload().getFieldsMap().get("@type").getStringValue().endsWith("AttemptFinished"))
        .count();
  }

  @Test
  void scheduleFiresAndRunsCloudRunJob() throws Exception {
    Instant before = sandbox.emulator.clock().instant();

    Job job = scheduler.createJob(PARENT, trigger("app-worker-trigger", "* * * * *", runTarget(false)));
    Job attempted = await(() -> scheduler.getJob(job.getName()), seen -> seen.hasLastAttemptTime());
    com.google.cloud.run.v2.Job ran = await(() -> runJobs.getJob(PARENT + "/jobs/app-worker"), seen -> seen.getExecutionCount() > 0);

    assertThat(attempted.getStatus().getCode()).isEqualTo(Code.OK_VALUE);
    assertThat(attempted.getLastAttemptTime().getSeconds()).isGreaterThanOrEqualTo(before.getEpochSecond());
    assertThat(ran.getLatestCreatedExecution().getName()).startsWith(PARENT + "/jobs/app-worker/executions/app-worker-");
    try (var executions = sandbox.executions()) {
      assertThat(executions.getExecution(ran.getLatestCreatedExecution().getName()).getCreator()).isEqualTo(SCHEDULER_ACCOUNT);
    }
    scheduler.pauseJob(job.getName());
  }

  @Test
  void oidcTokenOnServiceUrlIsAccepted() throws Exception {
    com.google.cloud.run.v2.Service web;
    try (var services = sandbox.services()) {
      web = services.createServiceAsync(
          com.google.cloud.run.v2.CreateServiceRequest.newBuilder()
              .setParent(PARENT)
              .setServiceId("private-web")
              .setService(com.google.cloud.run.v2.Service.newBuilder()
                  .setTemplate(com.google.cloud.run.v2.RevisionTemplate.newBuilder()
                      .setServiceAccount(Sandbox.RUN_ACCOUNT)
                      .addContainers(com.google.cloud.run.v2.Container.newBuilder().setImage(IMAGE))))
              .build()).get();
    }
    HttpTarget target = HttpTarget.newBuilder()
        .setUri(web.getUri() + "/health/")
        .setHttpMethod(HttpMethod.GET)
        .setOidcToken(OidcToken.newBuilder().setServiceAccountEmail(SCHEDULER_ACCOUNT).setAudience(web.getUri()))
        .build();
    Job job = scheduler.createJob(PARENT, trigger("health-ping", "0 0 1 1 *", target));

    scheduler.runJob(job.getName());
    Job attempted = await(() -> scheduler.getJob(job.getName()), seen -> seen.hasLastAttemptTime());

    assertThat(attempted.getStatus().getCode()).isEqualTo(Code.OK_VALUE);
    assertThat(sandbox.world().logs().entries()).anySatisfy(entry -> {
      assertThat(entry.getResource().getLabelsMap()).containsEntry("service_name", "private-web");
      assertThat(entry.getHttpRequest().getStatus()).isEqualTo(200);
      assertThat(entry.getHttpRequest().getUserAgent()).isEqualTo("Google-Cloud-Scheduler");
    });
  }

  @Test
  void oauthAccountWithoutInvokerIsPermissionDenied() throws Exception {
    HttpTarget target = HttpTarget.newBuilder()
        .setUri(RUN_URI)
        .setOauthToken(OAuthToken.newBuilder().setServiceAccountEmail(Sandbox.RUN_ACCOUNT))
        .build();
    Job job = scheduler.createJob(PARENT, trigger("not-invoker", "0 0 1 1 *", target));

    scheduler.runJob(job.getName());
    Job attempted = await(() -> scheduler.getJob(job.getName()), seen -> seen.hasLastAttemptTime());

    assertThat(attempted.getStatus().getCode()).isEqualTo(Code.PERMISSION_DENIED_VALUE);
    assertThat(attempted.getStatus().getMessage()).contains("run.jobs.run");
  }

  /** Polls until the value matches; the emulator finishes attempts on its own threads. */
  private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    T value = read.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      value = read.get();
    }
    return value;
  }
}
