package dev.terrace.emulator.run;

import com.google.cloud.run.v2.CancelExecutionRequest;
import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.DeleteExecutionRequest;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.Execution;
import com.google.cloud.run.v2.ExecutionReference;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.RunJobRequest;
import com.google.cloud.run.v2.Task;
import com.google.cloud.run.v2.TaskAttemptResult;
import com.google.cloud.run.v2.TaskTemplate;
import com.google.longrunning.Operation;
import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import com.google.rpc.Code;
import dev.terrace.emulator.GrpcErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Cloud Run jobs: each run makes an execution with its tasks, which all finish after the
 * execution delay. Every task exits with the code in the container env var
 * {@value RunSettings#EXIT_CODE_ENV} (0 when unset), so a test or the sandbox can make a run fail.
 */
final class ExecutionRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutionRunner.class);

  private final RunContext run;

  ExecutionRunner(RunContext run) {
    this.run = run;
  }

  Operation runJob(RunJobRequest request) {
    return runJob(request, run.callerEmail());
  }

  /** Runs a job on behalf of {@code creator}, the account the execution records as its creator. */
  Operation runJob(RunJobRequest request, String creator) {
    RunNames.Child child = RunNames.parse(request.getName(), "jobs");
    return run.world.write(() -> {
      Job job = run.store.jobs.get(child.name());
      if (job == null) {
        throw RunResources.notFound(child.name());
      }
      RunResources.requireEtag(request.getEtag(), job.getEtag(), child.name());
      if (job.getTerminalCondition().getState() != Condition.State.CONDITION_SUCCEEDED) {
        throw GrpcErrors.failedPrecondition(
            "Job '" + child.id() + "' is not ready: its latest configuration has not deployed successfully. "
                + job.getTerminalCondition().getMessage());
      }
      Timestamp now = run.now();
      TaskTemplate template = Overrides.apply(job.getTemplate().getTemplate(), request.getOverrides());
      int taskCount = request.getOverrides().getTaskCount() > 0 ? request.getOverrides().getTaskCount() : job.getTemplate().getTaskCount();
      String executionId = RunNames.executionId(child.id());
      String name = child.name() + "/executions/" + executionId;
      Execution execution =
          Execution.newBuilder()
              .setName(name)
              .setUid(UUID.randomUUID().toString())
              .setCreator(creator)
              .setGeneration(1)
              .putAllLabels(job.getTemplate().getLabelsMap())
              .putLabels("run.googleapis.com/jobUid", job.getUid())
              .putAllAnnotations(job.getTemplate().getAnnotationsMap())
              .setCreateTime(now)
              .setStartTime(now)
              .setUpdateTime(now)
              .setLaunchStage(job.getLaunchStage())
              .setJob(child.id())
              .setParallelism(job.getTemplate().getParallelism())
              .setTaskCount(taskCount)
              .setTemplate(template)
              .setReconciling(true)
              .addConditions(Conditions.succeeded(Conditions.RESOURCES_AVAILABLE, now))
              .addConditions(Conditions.succeeded(Conditions.STARTED, now))
              .addConditions(Conditions.reconciling(Conditions.COMPLETED, now))
              .setRunningCount(taskCount)
              .setLogUri(RunLogs.consoleLogUri(run.world.projectId(), child.name(), executionId))
              .setEtag(RunResources.etag(1))
              .build();
      if (request.getValidateOnly()) {
        return Operation.newBuilder().setName(run.operationName(child.parent())).setDone(true).setResponse(Any.pack(execution)).build();
      }
      run.store.executions.put(name, execution);
      for (int index = 0; index < taskCount; index++) {
        Task task = newTask(execution, job, index, now);
        run.store.tasks.put(task.getName(), task);
      }
      run.store.jobs.put(
          child.name(),
          job.toBuilder()
              .setExecutionCount(job.getExecutionCount() + 1)
              .setLatestCreatedExecution(reference(execution, ExecutionReference.CompletionStatus.EXECUTION_RUNNING))
              .build());
      String operationName = run.operationName(child.parent());
      Operation operation = run.world.operations().start(operationName, execution);
      run.store.pendingOperations.put(name, operationName);
      run.logs.jobEvent(child, executionId, "INFO", "Execution " + executionId + " has started.");
      LOG.info("Running Cloud Run job {} as execution {}", child.name(), executionId);
      scheduleFinish(name);
      return operation;
    });
  }

  Operation cancel(CancelExecutionRequest request) {
    String name = request.getName();
    return run.world.write(() -> {
      Execution execution = requireExecution(name);
      RunResources.requireEtag(request.getEtag(), execution.getEtag(), name);
      String operationName = run.operationName(name.substring(0, name.indexOf("/jobs/")));
      if (request.getValidateOnly() || execution.hasCompletionTime()) {
        return run.world.operations().finished(operationName, execution, execution);
      }
      Timestamp now = run.now();
      Execution cancelled =
          execution.toBuilder()
              .setReconciling(false)
              .setCompletionTime(now)
              .setUpdateTime(now)
              .setRunningCount(0)
              .setCancelledCount(execution.getTaskCount())
              .clearConditions()
              .addConditions(Conditions.succeeded(Conditions.RESOURCES_AVAILABLE, now))
              .addConditions(Conditions.succeeded(Conditions.STARTED, now))
              .addConditions(Conditions.executionFailed(Conditions.COMPLETED, now, "The execution was cancelled.", Condition.ExecutionReason.CANCELLED))
              .build();
      finishTasks(cancelled, now, Condition.State.CONDITION_FAILED, -1);
      store(cancelled, ExecutionReference.CompletionStatus.EXECUTION_CANCELLED);
      String running = run.store.pendingOperations.remove(name);
      if (running != null) {
        run.world.operations().fail(running, GrpcErrors.status(Code.CANCELLED, "Execution " + RunNames.lastSegment(name) + " was cancelled."));
      }
      run.logs.jobEvent(jobOf(name), RunNames.lastSegment(name), "WARNING", "Execution " + RunNames.lastSegment(name) + " was cancelled.");
      return run.world.operations().finished(operationName, cancelled, cancelled);
    });
  }

  Operation delete(DeleteExecutionRequest request) {
    String name = request.getName();
    return run.world.write(() -> {
      Execution execution = requireExecution(name);
      RunResources.requireEtag(request.getEtag(), execution.getEtag(), name);
      if (!execution.hasCompletionTime()) {
        throw GrpcErrors.failedPrecondition("Execution " + RunNames.lastSegment(name) + " is still running. Cancel it before deleting it.");
      }
      Execution deleted = execution.toBuilder().setDeleteTime(run.now()).build();
      String operationName = run.operationName(name.substring(0, name.indexOf("/jobs/")));
      if (!request.getValidateOnly()) {
        run.store.executions.remove(name);
        RunStore.removeChildren(run.store.tasks, name + "/tasks");
      }
      return run.world.operations().finished(operationName, deleted, deleted);
    });
  }

  /** Finishes every execution left running, as after a restart. */
  void resumePending() {
    List<String> pending = run.world.read(() -> List.copyOf(run.store.pendingOperations.keySet()));
    pending.stream().filter(name -> name.contains("/executions/")).forEach(this::scheduleFinish);
  }

  private void scheduleFinish(String executionName) {
    run.after(run.settings.executionDelay(), () -> finish(executionName));
  }

  private void finish(String executionName) {
    run.world.update(() -> {
      Execution execution = run.store.executions.get(executionName);
      String operationName = run.store.pendingOperations.remove(executionName);
      if (execution == null || operationName == null || execution.hasCompletionTime()) {
        return;
      }
      Timestamp now = run.now();
      int exitCode = exitCode(execution.getTemplate());
      String executionId = RunNames.lastSegment(executionName);
      Execution.Builder done =
          execution.toBuilder()
              .setReconciling(false)
              .setCompletionTime(now)
              .setUpdateTime(now)
              .setRunningCount(0)
              .clearConditions()
              .addConditions(Conditions.succeeded(Conditions.RESOURCES_AVAILABLE, now))
              .addConditions(Conditions.succeeded(Conditions.STARTED, now));
      if (exitCode == 0) {
        Execution succeeded =
            done.setSucceededCount(execution.getTaskCount()).addConditions(Conditions.succeeded(Conditions.COMPLETED, now)).build();
        finishTasks(succeeded, now, Condition.State.CONDITION_SUCCEEDED, 0);
        store(succeeded, ExecutionReference.CompletionStatus.EXECUTION_SUCCEEDED);
        run.world.operations().complete(operationName, succeeded, succeeded);
        run.logs.jobEvent(jobOf(executionName), executionId, "INFO", "Execution " + executionId + " has completed successfully.");
        return;
      }
      String message = "Task " + executionId + "-task0 failed with message: The container exited with an error.";
      int retries = execution.getTemplate().getMaxRetries();
      Execution failed =
          done.setFailedCount(execution.getTaskCount())
              .setRetriedCount(retries * execution.getTaskCount())
              .addConditions(Conditions.executionFailed(Conditions.COMPLETED, now, "Execution failed.", Condition.ExecutionReason.NON_ZERO_EXIT_CODE))
              .build();
      finishTasks(failed, now, Condition.State.CONDITION_FAILED, exitCode);
      store(failed, ExecutionReference.CompletionStatus.EXECUTION_FAILED);
      // NOTE: the status code of a failed execution's operation is not documented. The emulator
      // uses FAILED_PRECONDITION with the message gcloud prints for the first failed task.
      run.world.operations().fail(operationName, GrpcErrors.status(Code.FAILED_PRECONDITION, message));
      run.logs.jobEvent(jobOf(executionName), executionId, "ERROR", message);
      LOG.info("Cloud Run execution {} failed with exit code {}", executionName, exitCode);
    });
  }

  private void store(Execution execution, ExecutionReference.CompletionStatus status) {
    run.store.executions.put(execution.getName(), execution);
    RunNames.Child job = jobOf(execution.getName());
    Job current = run.store.jobs.get(job.name());
    if (current != null && current.getLatestCreatedExecution().getName().equals(execution.getName())) {
      run.store.jobs.put(job.name(), current.toBuilder().setLatestCreatedExecution(reference(execution, status)).build());
    }
  }

  private void finishTasks(Execution execution, Timestamp now, Condition.State state, int exitCode) {
    for (Task task : RunStore.childrenOf(run.store.tasks, execution.getName() + "/tasks")) {
      Task.Builder done = task.toBuilder().setReconciling(false).setCompletionTime(now).setUpdateTime(now).clearConditions();
      if (state == Condition.State.CONDITION_SUCCEEDED) {
        done.addConditions(Conditions.succeeded(Conditions.COMPLETED, now))
            .setLastAttemptResult(TaskAttemptResult.newBuilder().setExitCode(0));
      } else if (exitCode < 0) {
        done.addConditions(Conditions.executionFailed(Conditions.COMPLETED, now, "The task was cancelled.", Condition.ExecutionReason.CANCELLED));
      } else {
        done.setRetried(task.getMaxRetries())
            .addConditions(Conditions.executionFailed(Conditions.COMPLETED, now, "The container exited with an error.", Condition.ExecutionReason.NON_ZERO_EXIT_CODE))
            .setLastAttemptResult(
                TaskAttemptResult.newBuilder()
                    .setExitCode(exitCode)
                    .setStatus(com.google.rpc.Status.newBuilder().setCode(Code.UNKNOWN_VALUE).setMessage("The container exited with an error.")));
      }
      run.store.tasks.put(task.getName(), done.build());
    }
  }

  private Task newTask(Execution execution, Job job, int index, Timestamp now) {
    TaskTemplate template = execution.getTemplate();
    return Task.newBuilder()
        .setName(execution.getName() + "/tasks/" + RunNames.lastSegment(execution.getName()) + "-task" + index)
        .setUid(UUID.randomUUID().toString())
        .setGeneration(1)
        .setCreateTime(now)
        .setScheduledTime(now)
        .setStartTime(now)
        .setUpdateTime(now)
        .setJob(job.getName())
        .setExecution(execution.getName())
        .addAllContainers(template.getContainersList())
        .addAllVolumes(template.getVolumesList())
        .setMaxRetries(template.getMaxRetries())
        .setTimeout(template.getTimeout())
        .setServiceAccount(run.checks.runtimeAccount(template.getServiceAccount()))
        .setExecutionEnvironment(template.getExecutionEnvironment())
        .setReconciling(true)
        .addConditions(Conditions.reconciling(Conditions.COMPLETED, now))
        .setIndex(index)
        .setLogUri(execution.getLogUri())
        .setEtag(RunResources.etag(1))
        .build();
  }

  private Execution requireExecution(String name) {
    Execution execution = run.store.executions.get(name);
    if (execution == null) {
      throw GrpcErrors.notFound("Resource '" + RunNames.lastSegment(name) + "' of kind 'EXECUTION' does not exist.");
    }
    return execution;
  }

  private static ExecutionReference reference(Execution execution, ExecutionReference.CompletionStatus status) {
    ExecutionReference.Builder reference =
        ExecutionReference.newBuilder().setName(execution.getName()).setCreateTime(execution.getCreateTime()).setCompletionStatus(status);
    if (execution.hasCompletionTime()) {
      reference.setCompletionTime(execution.getCompletionTime());
    }
    return reference.build();
  }

  private static RunNames.Child jobOf(String executionName) {
    return RunNames.parse(executionName.substring(0, executionName.indexOf("/executions/")), "jobs");
  }

  /** Returns the exit code every task of the execution ends with. */
  static int exitCode(TaskTemplate template) {
    for (Container container : template.getContainersList()) {
      for (EnvVar env : container.getEnvList()) {
        if (env.getName().equals(RunSettings.EXIT_CODE_ENV)) {
          try {
            return Integer.parseInt(env.getValue().trim());
          } catch (NumberFormatException e) {
            return 1;
          }
        }
      }
    }
    return 0;
  }

  /** Applies a run request's overrides to the job's task template. */
  static final class Overrides {
    private Overrides() {
    }

    static TaskTemplate apply(TaskTemplate template, RunJobRequest.Overrides overrides) {
      if (overrides.getContainerOverridesCount() == 0 && !overrides.hasTimeout()) {
        return template;
      }
      TaskTemplate.Builder applied = template.toBuilder();
      if (overrides.hasTimeout()) {
        applied.setTimeout(overrides.getTimeout());
      }
      List<Container> containers = new ArrayList<>(template.getContainersList());
      for (RunJobRequest.Overrides.ContainerOverride override : overrides.getContainerOverridesList()) {
        for (int i = 0; i < containers.size(); i++) {
          Container container = containers.get(i);
          boolean matches = override.getName().isEmpty() ? i == 0 : override.getName().equals(container.getName());
          if (matches) {
            containers.set(i, overridden(container, override));
          }
        }
      }
      return applied.clearContainers().addAllContainers(containers).build();
    }

    private static Container overridden(Container container, RunJobRequest.Overrides.ContainerOverride override) {
      Container.Builder changed = container.toBuilder();
      if (override.getClearArgs()) {
        changed.clearArgs();
      } else if (override.getArgsCount() > 0) {
        changed.clearArgs().addAllArgs(override.getArgsList());
      }
      for (EnvVar env : override.getEnvList()) {
        List<EnvVar> merged = new ArrayList<>(changed.getEnvList());
        merged.removeIf(existing -> existing.getName().equals(env.getName()));
        merged.add(env);
        changed.clearEnv().addAllEnv(merged);
      }
      return changed.build();
    }
  }
}
