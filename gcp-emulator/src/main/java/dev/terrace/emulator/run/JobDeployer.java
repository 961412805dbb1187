package dev.terrace.emulator.run;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.CreateJobRequest;
import com.google.cloud.run.v2.DeleteJobRequest;
import com.google.cloud.run.v2.ExecutionTemplate;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.TaskTemplate;
import com.google.cloud.run.v2.UpdateJobRequest;
import com.google.longrunning.Operation;
import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import com.google.rpc.Code;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.IamPolicies;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, updates and deletes Cloud Run jobs as long-running operations. Like a service, a job
 * is reconciling until the rollout delay passes, then Ready or failed by the deploy-time checks.
 */
final class JobDeployer {

  private static final Logger LOG = LoggerFactory.getLogger(JobDeployer.class);
  static final String JOB_CONTAINERS = "spec.template.spec.template.spec.containers";

  private final RunContext run;

  JobDeployer(RunContext run) {
    this.run = run;
  }

  Operation create(CreateJobRequest request) {
    RunNames.requireParent(request.getParent());
    RunNames.requireId(request.getJobId(), "job_id", 63);
    String name = request.getParent() + "/jobs/" + request.getJobId();
    return run.world.write(() -> {
      if (run.store.jobs.containsKey(name)) {
        throw GrpcErrors.alreadyExists("Resource '" + request.getJobId() + "' already exists.");
      }
      Job requested = request.getJob();
      TaskTemplate task = requested.getTemplate().getTemplate();
      run.checks.checkOnRequest(task.getContainersList(), task.getServiceAccount(), JOB_CONTAINERS);
      Timestamp now = run.now();
      Job job =
          reconciling(
              requested.toBuilder()
                  .setName(name)
                  .setUid(UUID.randomUUID().toString())
                  .setGeneration(1)
                  .setCreateTime(now)
                  .setUpdateTime(now)
                  .setCreator(run.callerEmail())
                  .setLastModifier(run.callerEmail())
                  .setTemplate(withDefaults(requested.getTemplate()))
                  .clearObservedGeneration()
                  .clearExecutionCount()
                  .clearLatestCreatedExecution()
                  .clearDeleteTime()
                  .clearExpireTime()
                  .setEtag(RunResources.etag(1))
                  .build(),
              now);
      String operationName = run.operationName(request.getParent());
      if (request.getValidateOnly()) {
        return Operation.newBuilder().setName(operationName).setDone(true).setResponse(Any.pack(job)).build();
      }
      run.store.jobs.put(name, job);
      run.store.policies.put(name, IamPolicies.empty());
      Operation operation = run.world.operations().start(operationName, job);
      run.store.pendingOperations.put(name, operationName);
      LOG.info("Creating Cloud Run job {}", name);
      scheduleRollout(name);
      return operation;
    });
  }

  Operation update(UpdateJobRequest request) {
    Job requested = request.getJob();
    RunNames.Child child = RunNames.parse(requested.getName(), "jobs");
    return run.world.write(() -> {
      Job existing = run.store.jobs.get(child.name());
      if (existing == null) {
        if (request.getAllowMissing()) {
          return create(
              CreateJobRequest.newBuilder()
                  .setParent(child.parent())
                  .setJobId(child.id())
                  .setJob(requested.toBuilder().clearName())
                  .setValidateOnly(request.getValidateOnly())
                  .build());
        }
        throw RunResources.notFound(child.name());
      }
      RunResources.requireEtag(requested.getEtag(), existing.getEtag(), child.name());
      TaskTemplate task = requested.getTemplate().getTemplate();
      run.checks.checkOnRequest(task.getContainersList(), task.getServiceAccount(), JOB_CONTAINERS);
      Timestamp now = run.now();
      long generation = existing.getGeneration() + 1;
      Job updated =
          reconciling(
              requested.toBuilder()
                  .setName(child.name())
                  .setUid(existing.getUid())
                  .setGeneration(generation)
                  .setCreateTime(existing.getCreateTime())
                  .setUpdateTime(now)
                  .setCreator(existing.getCreator())
                  .setLastModifier(run.callerEmail())
                  .setTemplate(withDefaults(requested.getTemplate()))
                  .setObservedGeneration(existing.getObservedGeneration())
                  .setExecutionCount(existing.getExecutionCount())
                  .setLatestCreatedExecution(existing.getLatestCreatedExecution())
                  .setEtag(RunResources.etag(generation))
                  .build(),
              now);
      String operationName = run.operationName(child.parent());
      if (request.getValidateOnly()) {
        return Operation.newBuilder().setName(operationName).setDone(true).setResponse(Any.pack(updated)).build();
      }
      run.store.jobs.put(child.name(), updated);
      Operation operation = run.world.operations().start(operationName, updated);
      String previous = run.store.pendingOperations.put(child.name(), operationName);
      if (previous != null) {
        run.world.operations().fail(previous, GrpcErrors.status(Code.ABORTED, "The operation was superseded by a newer update of " + child.name() + "."));
      }
      LOG.info("Updating Cloud Run job {} to generation {}", child.name(), generation);
      scheduleRollout(child.name());
      return operation;
    });
  }

  Operation delete(DeleteJobRequest request) {
    RunNames.Child child = RunNames.parse(request.getName(), "jobs");
    return run.world.write(() -> {
      Job existing = run.store.jobs.get(child.name());
      if (existing == null) {
        throw RunResources.notFound(child.name());
      }
      RunResources.requireEtag(request.getEtag(), existing.getEtag(), child.name());
      Job deleted = existing.toBuilder().setDeleteTime(run.now()).build();
      String operationName = run.operationName(child.parent());
      if (request.getValidateOnly()) {
        return Operation.newBuilder().setName(operationName).setDone(true).setResponse(Any.pack(deleted)).build();
      }
      run.store.jobs.remove(child.name());
      run.store.policies.remove(child.name());
      RunStore.removeChildren(run.store.executions, child.name() + "/executions");
      run.store.tasks.keySet().removeIf(task -> task.startsWith(child.name() + "/executions/"));
      run.store.pendingOperations.keySet().removeIf(key -> key.equals(child.name()) || key.startsWith(child.name() + "/"));
      LOG.info("Deleted Cloud Run job {}", child.name());
      return run.world.operations().finished(operationName, deleted, deleted);
    });
  }

  /** Finishes the rollout of every job left reconciling, as after a restart. */
  void resumePending() {
    List<String> pending = run.world.read(() -> List.copyOf(run.store.pendingOperations.keySet()));
    pending.stream().filter(name -> name.contains("/jobs/") && !name.contains("/executions/")).forEach(this::scheduleRollout);
  }

  private void scheduleRollout(String jobName) {
    run.after(run.settings.rolloutDelay(), () -> finishRollout(jobName));
  }

  private void finishRollout(String jobName) {
    run.world.update(() -> {
      Job job = run.store.jobs.get(jobName);
      String operationName = run.store.pendingOperations.get(jobName);
      if (job == null || operationName == null || !job.getReconciling()) {
        return;
      }
      run.store.pendingOperations.remove(jobName);
      Timestamp now = run.now();
      TaskTemplate task = job.getTemplate().getTemplate();
      String account = run.checks.runtimeAccount(task.getServiceAccount());
      Optional<DeploymentChecks.Failure> failure =
          run.checks.checkOnDeploy(RunNames.lastSegment(jobName), task.getContainersList(), task.getVolumesList(), account, JOB_CONTAINERS);
      if (failure.isPresent()) {
        // A job has no revision, so its condition carries the bare cause, as Cloud Run reports it.
        String message = failure.get().reason() == Condition.CommonReason.CONTAINER_MISSING
            ? "Image '" + missingImage(failure.get().message()) + "' not found."
            : failure.get().message();
        Job failed =
            job.toBuilder()
                .setReconciling(false)
                .setObservedGeneration(job.getGeneration())
                .setTerminalCondition(Conditions.failed(Conditions.READY, now, message, failure.get().reason()))
                .clearConditions()
                .build();
        run.store.jobs.put(jobName, failed);
        run.world.operations().fail(operationName, GrpcErrors.status(failure.get().code(), message));
        LOG.info("Cloud Run job {} failed to deploy: {}", jobName, message);
        return;
      }
      Job ready =
          job.toBuilder()
              .setReconciling(false)
              .setObservedGeneration(job.getGeneration())
              .setTerminalCondition(Conditions.succeeded(Conditions.READY, now))
              .clearConditions()
              .build();
      run.store.jobs.put(jobName, ready);
      run.world.operations().complete(operationName, ready, ready);
      LOG.info("Cloud Run job {} is Ready", jobName);
    });
  }

  private static String missingImage(String revisionMessage) {
    int start = revisionMessage.indexOf("Image '") + "Image '".length();
    return revisionMessage.substring(start, revisionMessage.indexOf('\'', start));
  }

  private static Job reconciling(Job job, Timestamp now) {
    return job.toBuilder()
        .setReconciling(true)
        .setTerminalCondition(Conditions.reconciling(Conditions.READY, now))
        .clearConditions()
        .build();
  }

  /** Fills in the template defaults Cloud Run reports back: 1 task, 3 retries, 600 s timeout. */
  static ExecutionTemplate withDefaults(ExecutionTemplate template) {
    ExecutionTemplate.Builder filled = template.toBuilder();
    if (template.getTaskCount() == 0) {
      filled.setTaskCount(1);
    }
    TaskTemplate.Builder task = template.getTemplate().toBuilder();
    if (!template.getTemplate().hasMaxRetries()) {
      task.setMaxRetries(3);
    }
    if (!template.getTemplate().hasTimeout()) {
      task.setTimeout(Duration.newBuilder().setSeconds(600));
    }
    return filled.setTemplate(task).build();
  }
}
