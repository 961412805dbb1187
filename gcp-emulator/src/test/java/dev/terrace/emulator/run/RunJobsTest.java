package dev.terrace.emulator.run;

import static dev.terrace.emulator.run.Sandbox.IMAGE;
import static dev.terrace.emulator.run.Sandbox.PARENT;
import static dev.terrace.emulator.run.Sandbox.WORKER_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.CreateJobRequest;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.Execution;
import com.google.cloud.run.v2.ExecutionReference;
import com.google.cloud.run.v2.ExecutionTemplate;
import com.google.cloud.run.v2.ExecutionsClient;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.JobsClient;
import com.google.cloud.run.v2.RunJobRequest;
import com.google.cloud.run.v2.Task;
import com.google.cloud.run.v2.TaskTemplate;
import com.google.iam.v1.Binding;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.logging.v2.LogEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RunJobsTest {

  private static Sandbox sandbox;
  private static JobsClient jobs;
  private static ExecutionsClient executions;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.startSeeded();
    jobs = sandbox.jobs();
    executions = sandbox.executions();
  }

  @AfterAll
  static void stop() {
    jobs.close();
    executions.close();
    sandbox.close();
  }

  static Job workerJob(String image, EnvVar... env) {
    return Job.newBuilder()
        .setTemplate(
            ExecutionTemplate.newBuilder()
                .setTemplate(
                    TaskTemplate.newBuilder()
                        .setServiceAccount(WORKER_ACCOUNT)
                        .addContainers(Container.newBuilder().setImage(image).addCommand("uv").addArgs("run").addAllEnv(List.of(env)))))
        .build();
  }

  static Job createJob(JobsClient client, String id, Job job) throws Exception {
    return client.createJobAsync(CreateJobRequest.newBuilder().setParent(PARENT).setJobId(id).setJob(job).build()).get();
  }

  @Test
  void jobRunSucceedsAndIsRecorded() throws Exception {
    Job ready = createJob(jobs, "migrate", workerJob(IMAGE));

    Execution execution = jobs.runJobAsync(PARENT + "/jobs/migrate").get();
    Job after = jobs.getJob(PARENT + "/jobs/migrate");
    List<Task> tasks = new ArrayList<>();
    try (var runTasks = sandbox.runTasks()) {
      runTasks.listTasks(execution.getName()).iterateAll().forEach(tasks::add);
    }

    assertThat(ready.getTerminalCondition().getState()).isEqualTo(Condition.State.CONDITION_SUCCEEDED);
    assertThat(execution.getName()).matches(PARENT + "/jobs/migrate/executions/migrate-[a-z0-9]{5}");
    assertThat(execution.getSucceededCount()).isEqualTo(1);
    assertThat(execution.hasCompletionTime()).isTrue();
    assertThat(after.getExecutionCount()).isEqualTo(1);
    assertThat(after.getLatestCreatedExecution().getCompletionStatus()).isEqualTo(ExecutionReference.CompletionStatus.EXECUTION_SUCCEEDED);
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).getName()).endsWith("/tasks/" + execution.getName().substring(execution.getName().lastIndexOf('/') + 1) + "-task0");
    LogEntry logged = sandbox.world().logs().entries().stream()
        .filter(entry -> entry.getResource().getType().equals("cloud_run_job"))
        .filter(entry -> entry.getTextPayload().contains("completed successfully"))
        .findFirst()
        .orElseThrow();
    assertThat(logged.getResource().getLabelsMap()).containsEntry("job_name", "migrate").containsKeys("location", "project_id");
    assertThat(logged.getLabelsMap()).containsEntry("run.googleapis.com/execution_name", execution.getName().substring(execution.getName().lastIndexOf('/') + 1));
  }

  @Test
  void exitCodeEnvMakesRunFail() throws Exception {
    createJob(jobs, "collectstatic", workerJob(IMAGE));
    RunJobRequest failing =
        RunJobRequest.newBuilder()
            .setName(PARENT + "/jobs/collectstatic")
            .setOverrides(
                RunJobRequest.Overrides.newBuilder()
                    .addContainerOverrides(
                        RunJobRequest.Overrides.ContainerOverride.newBuilder()
                            .addEnv(EnvVar.newBuilder().setName(RunSettings.EXIT_CODE_ENV).setValue("1"))))
            .build();

    ExecutionException failure = catchThrowableOfType(ExecutionException.class, () -> jobs.runJobAsync(failing).get());
    Job after = jobs.getJob(PARENT + "/jobs/collectstatic");
    Execution execution = executions.getExecution(after.getLatestCreatedExecution().getName());

    assertThat(((ApiException) failure.getCause()).getStatusCode().getCode()).isEqualTo(StatusCode.Code.FAILED_PRECONDITION);
    assertThat(failure.getCause().getMessage()).contains("-task0 failed with message: The container exited with an error.");
    assertThat(execution.getFailedCount()).isEqualTo(1);
    assertThat(execution.getConditionsList()).anySatisfy(condition -> {
      assertThat(condition.getType()).isEqualTo("Completed");
      assertThat(condition.getExecutionReason()).isEqualTo(Condition.ExecutionReason.NON_ZERO_EXIT_CODE);
    });
    assertThat(after.getLatestCreatedExecution().getCompletionStatus()).isEqualTo(ExecutionReference.CompletionStatus.EXECUTION_FAILED);
  }

  @Test
  void jobWithMissingImageFailsAndCannotRun() {
    String image = Sandbox.REGION + "-docker.pkg.dev/" + Sandbox.PROJECT + "/app-repo/app:missing";

    ExecutionException failure = catchThrowableOfType(ExecutionException.class, () -> createJob(jobs, "broken", workerJob(image)));
    Job left = jobs.getJob(PARENT + "/jobs/broken");
    ExecutionException run = catchThrowableOfType(ExecutionException.class, () -> jobs.runJobAsync(PARENT + "/jobs/broken").get());

    assertThat(((ApiException) failure.getCause()).getStatusCode().getCode()).isEqualTo(StatusCode.Code.NOT_FOUND);
    assertThat(left.getTerminalCondition().getState()).isEqualTo(Condition.State.CONDITION_FAILED);
    assertThat(left.getTerminalCondition().getReason()).isEqualTo(Condition.CommonReason.CONTAINER_MISSING);
    assertThat(left.getTerminalCondition().getMessage()).isEqualTo("Image '" + image + "' not found.");
    assertThat(((ApiException) run.getCause()).getStatusCode().getCode()).isEqualTo(StatusCode.Code.FAILED_PRECONDITION);
  }

  @Test
  void jobIamPolicyRoundTrip() throws Exception {
    Job job = createJob(jobs, "worker", workerJob(IMAGE));
    Policy read = jobs.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(job.getName()).build());

    Policy written = jobs.setIamPolicy(
        SetIamPolicyRequest.newBuilder()
            .setResource(job.getName())
            .setPolicy(read.toBuilder().addBindings(Binding.newBuilder().setRole("roles/run.invoker").addMembers("serviceAccount:" + Sandbox.SCHEDULER_ACCOUNT)))
            .build());
    Policy reread = jobs.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(job.getName()).build());

    assertThat(reread).isEqualTo(written);
    assertThat(reread.getBindings(0).getMembersList()).containsExactly("serviceAccount:" + Sandbox.SCHEDULER_ACCOUNT);
  }

  @Test
  void jobListUpdateDeleteRoundTrip() throws Exception {
    Job job = createJob(jobs, "round-trip-job", workerJob(IMAGE));

    Job updated = jobs.updateJobAsync(job.toBuilder().putLabels("managed-by", "terrace").build()).get();
    List<String> names = new ArrayList<>();
    jobs.listJobs(PARENT).iterateAll().forEach(listed -> names.add(listed.getName()));
    Job deleted = jobs.deleteJobAsync(job.getName()).get();

    assertThat(updated.getGeneration()).isEqualTo(2);
    assertThat(updated.getLabelsMap()).containsEntry("managed-by", "terrace");
    assertThat(names).contains(job.getName());
    assertThat(deleted.hasDeleteTime()).isTrue();
    assertThat(catchThrowableOfType(ApiException.class, () -> jobs.getJob(job.getName())).getStatusCode().getCode())
        .isEqualTo(StatusCode.Code.NOT_FOUND);
  }

  @Test
  void cancelStopsRunningExecution() throws Exception {
    try (Sandbox slow = Sandbox.start(Sandbox.config().jobExecutionDelay(Duration.ofMillis(1500)).build());
        JobsClient slowJobs = slow.jobs();
        ExecutionsClient slowExecutions = slow.executions()) {
      slow.seed();
      createJob(slowJobs, "long", workerJob(IMAGE));
      var running = slowJobs.runJobAsync(PARENT + "/jobs/long");
      Execution started = running.getMetadata().get();

      Execution cancelled = slowExecutions.cancelExecutionAsync(started.getName()).get();
      ExecutionException outcome = catchThrowableOfType(ExecutionException.class, running::get);

      assertThat(cancelled.getCancelledCount()).isEqualTo(1);
      assertThat(cancelled.getConditionsList()).anySatisfy(condition ->
          assertThat(condition.getExecutionReason()).isEqualTo(Condition.ExecutionReason.CANCELLED));
      assertThat(((ApiException) outcome.getCause()).getStatusCode().getCode()).isEqualTo(StatusCode.Code.CANCELLED);
    }
  }
}
