package dev.terrace.emulator.run;

import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.Service;
import com.google.protobuf.Timestamp;
import dev.terrace.emulator.GrpcErrors;
import java.util.UUID;

/** Makes the revisions of a service and moves them to Ready or failed. */
final class RevisionFactory {

  private final RunContext run;

  RevisionFactory(RunContext run) {
    this.run = run;
  }

  /**
   * Returns the id of the next revision: the template's own revision name when it sets one,
   * otherwise {@code SERVICE-NNNNN-xyz} with the next number.
   *
   * @param reserve whether to use up the number, false for a validate-only request
   */
  String nextId(String serviceName, String serviceId, RevisionTemplate template, boolean reserve) {
    long number = run.store.revisionCounters.getOrDefault(serviceName, 0L) + 1;
    String id = template.getRevision().isEmpty() ? RunNames.revisionId(serviceId, number) : requestedId(serviceName, serviceId, template);
    if (reserve) {
      run.store.revisionCounters.put(serviceName, number);
    }
    return id;
  }

  private String requestedId(String serviceName, String serviceId, RevisionTemplate template) {
    String requested = RunNames.lastSegment(template.getRevision());
    if (!requested.startsWith(serviceId + "-")) {
      throw GrpcErrors.invalidArgument(
          "template.revision \"" + requested + "\" must start with the service name followed by a hyphen (\"" + serviceId + "-\").");
    }
    if (run.store.revisions.containsKey(serviceName + "/revisions/" + requested)) {
      throw GrpcErrors.alreadyExists("Revision named '" + requested + "' with different configuration already exists.");
    }
    return requested;
  }

  /** Returns whether the new template makes a new revision: any change but the revision name does. */
  boolean templateChanged(RevisionTemplate current, RevisionTemplate requested) {
    if (!requested.getRevision().isEmpty() && !requested.getRevision().equals(current.getRevision())) {
      return true;
    }
    return !current.toBuilder().clearRevision().build().equals(requested.toBuilder().clearRevision().build());
  }

  Revision create(Service service, String revisionId, Timestamp now) {
    RevisionTemplate template = service.getTemplate();
    String name = service.getName() + "/revisions/" + revisionId;
    String runtimeAccount = run.checks.runtimeAccount(template.getServiceAccount());
    Revision revision =
        Revision.newBuilder()
            .setName(name)
            .setUid(UUID.randomUUID().toString())
            .setGeneration(1)
            .putAllLabels(template.getLabelsMap())
            .putAllAnnotations(template.getAnnotationsMap())
            .setCreateTime(now)
            .setUpdateTime(now)
            .setLaunchStage(service.getLaunchStage())
            .setService(service.getName())
            .setScaling(template.getScaling())
            .setMaxInstanceRequestConcurrency(template.getMaxInstanceRequestConcurrency())
            .setTimeout(template.getTimeout())
            .setServiceAccount(runtimeAccount)
            .addAllContainers(template.getContainersList())
            .addAllVolumes(template.getVolumesList())
            .setExecutionEnvironment(template.getExecutionEnvironment())
            .setSessionAffinity(template.getSessionAffinity())
            .setReconciling(true)
            .addConditions(Conditions.reconciling(Conditions.READY, now))
            .addConditions(Conditions.pending(Conditions.CONTAINER_HEALTHY, now))
            .addConditions(Conditions.pending(Conditions.RESOURCES_AVAILABLE, now))
            .setLogUri(RunLogs.consoleLogUri(run.world.projectId(), service.getName(), revisionId))
            .setCreator(run.callerEmail())
            .setEtag(RunResources.etag(1))
            .build();
    run.store.revisions.put(name, revision);
    return revision;
  }

  Revision ready(Revision revision, Timestamp now) {
    return revision.toBuilder()
        .setReconciling(false)
        .setObservedGeneration(revision.getGeneration())
        .clearConditions()
        .addConditions(Conditions.succeeded(Conditions.READY, now))
        .addConditions(Conditions.succeeded(Conditions.CONTAINER_HEALTHY, now))
        .addConditions(Conditions.succeeded(Conditions.RESOURCES_AVAILABLE, now))
        .build();
  }

  Revision failed(Revision revision, DeploymentChecks.Failure failure, Timestamp now) {
    return revision.toBuilder()
        .setReconciling(false)
        .setObservedGeneration(revision.getGeneration())
        .clearConditions()
        .addConditions(Conditions.failed(Conditions.READY, now, failure.message(), failure.reason()))
        .addConditions(Conditions.failed(Conditions.CONTAINER_HEALTHY, now, failure.message(), failure.reason()))
        .addConditions(Conditions.pending(Conditions.RESOURCES_AVAILABLE, now))
        .build();
  }
}
