package dev.terrace.emulator.run;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.CreateServiceRequest;
import com.google.cloud.run.v2.DeleteServiceRequest;
import com.google.cloud.run.v2.IngressTraffic;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.run.v2.UpdateServiceRequest;
import com.google.longrunning.Operation;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.FieldMaskUtil;
import com.google.rpc.Code;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.IamPolicies;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, updates and deletes Cloud Run services as long-running operations. A change is
 * accepted at once (the service reports reconciling) and is rolled out after the rollout delay:
 * then the deploy-time checks run and the service becomes Ready, or its condition fails while
 * the service stays in place.
 */
final class ServiceDeployer {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceDeployer.class);
  private static final String SERVICE_CONTAINERS = "spec.template.spec.containers";

  private final RunContext run;
  private final RevisionFactory revisions;

  ServiceDeployer(RunContext run) {
    this.run = run;
    this.revisions = new RevisionFactory(run);
  }

  Operation create(CreateServiceRequest request) {
    var parent = RunNames.requireParent(request.getParent());
    RunNames.requireId(request.getServiceId(), "service_id", 49);
    String name = request.getParent() + "/services/" + request.getServiceId();
    return run.world.write(() -> {
      if (run.store.services.containsKey(name)) {
        throw GrpcErrors.alreadyExists("Resource '" + request.getServiceId() + "' already exists.");
      }
      Service requested = request.getService();
      RevisionTemplate template = requested.getTemplate();
      run.checks.checkOnRequest(template.getContainersList(), template.getServiceAccount(), SERVICE_CONTAINERS);
      List<TrafficTarget> traffic = traffic(requested);
      Timestamp now = run.now();
      String revisionId = revisions.nextId(name, request.getServiceId(), template, !request.getValidateOnly());
      Service service =
          requested.toBuilder()
              .setName(name)
              .setUid(UUID.randomUUID().toString())
              .setGeneration(1)
              .setCreateTime(now)
              .setUpdateTime(now)
              .setCreator(run.callerEmail())
              .setLastModifier(run.callerEmail())
              .setIngress(requested.getIngress() == IngressTraffic.INGRESS_TRAFFIC_UNSPECIFIED ? IngressTraffic.INGRESS_TRAFFIC_ALL : requested.getIngress())
              .setTemplate(withDefaults(template))
              .clearTraffic()
              .addAllTraffic(traffic)
              .setUri(run.serviceUri(parent.group(2), request.getServiceId()))
              .clearUrls()
              .addUrls(run.serviceUri(parent.group(2), request.getServiceId()))
              .setLatestCreatedRevision(name + "/revisions/" + revisionId)
              .clearLatestReadyRevision()
              .clearTrafficStatuses()
              .clearObservedGeneration()
              .clearDeleteTime()
              .clearExpireTime()
              .setEtag(RunResources.etag(1))
              .build();
      service = reconciling(service, now);
      if (request.getValidateOnly()) {
        return Operation.newBuilder().setName(run.operationName(request.getParent())).setDone(true).setResponse(com.google.protobuf.Any.pack(service)).build();
      }
      run.store.services.put(name, service);
      run.store.policies.put(name, IamPolicies.empty());
      Revision revision = revisions.create(service, revisionId, now);
      String operationName = run.operationName(request.getParent());
      Operation operation = run.world.operations().start(operationName, service);
      run.store.pendingOperations.put(name, operationName);
      LOG.info("Creating Cloud Run service {} with revision {}", name, revision.getName());
      scheduleRollout(name);
      return operation;
    });
  }

  Operation update(UpdateServiceRequest request) {
    RunNames.Child child = RunNames.parse(request.getService().getName(), "services");
    return run.world.write(() -> {
      Service existing = run.store.services.get(child.name());
      Service requested = withMask(existing, request);
      if (existing == null) {
        if (request.getAllowMissing()) {
          return create(
              CreateServiceRequest.newBuilder()
                  .setParent(child.parent())
                  .setServiceId(child.id())
                  .setService(requested.toBuilder().clearName())
                  .setValidateOnly(request.getValidateOnly())
                  .build());
        }
        throw RunResources.notFound(child.name());
      }
      RunResources.requireEtag(requested.getEtag(), existing.getEtag(), child.name());
      RevisionTemplate template = requested.getTemplate();
      run.checks.checkOnRequest(template.getContainersList(), template.getServiceAccount(), SERVICE_CONTAINERS);
      Timestamp now = run.now();
      long generation = existing.getGeneration() + 1;
      boolean newRevision = revisions.templateChanged(existing.getTemplate(), withDefaults(template));
      String latestCreated =
          newRevision
              ? child.name() + "/revisions/" + revisions.nextId(child.name(), child.id(), template, !request.getValidateOnly())
              : existing.getLatestCreatedRevision();
      Service updated =
          requested.toBuilder()
              .setName(child.name())
              .setUid(existing.getUid())
              .setGeneration(generation)
              .setCreateTime(existing.getCreateTime())
              .setUpdateTime(now)
              .setCreator(existing.getCreator())
              .setLastModifier(run.callerEmail())
              .setIngress(requested.getIngress() == IngressTraffic.INGRESS_TRAFFIC_UNSPECIFIED ? IngressTraffic.INGRESS_TRAFFIC_ALL : requested.getIngress())
              .setTemplate(withDefaults(template))
              .clearTraffic()
              .addAllTraffic(traffic(requested))
              .setUri(existing.getUri())
              .clearUrls()
              .addAllUrls(existing.getUrlsList())
              .setLatestCreatedRevision(latestCreated)
              .setLatestReadyRevision(existing.getLatestReadyRevision())
              .clearTrafficStatuses()
              .addAllTrafficStatuses(existing.getTrafficStatusesList())
              .setObservedGeneration(existing.getObservedGeneration())
              .setEtag(RunResources.etag(generation))
              .build();
      updated = reconciling(updated, now);
      if (request.getValidateOnly()) {
        return Operation.newBuilder().setName(run.operationName(child.parent())).setDone(true).setResponse(com.google.protobuf.Any.pack(updated)).build();
      }
      run.store.services.put(child.name(), updated);
      if (newRevision) {
        revisions.create(updated, RunNames.lastSegment(latestCreated), now);
      }
      String operationName = run.operationName(child.parent());
      Operation operation = run.world.operations().start(operationName, updated);
      String previous = run.store.pendingOperations.put(child.name(), operationName);
      if (previous != null) {
        // A newer change replaces a rollout still in progress, as on Cloud Run.
        run.world.operations().fail(previous, GrpcErrors.status(Code.ABORTED, "The operation was superseded by a newer update of " + child.name() + "."));
      }
      LOG.info("Updating Cloud Run service {} to generation {}", child.name(), generation);
      scheduleRollout(child.name());
      return operation;
    });
  }

  Operation delete(DeleteServiceRequest request) {
    RunNames.Child child = RunNames.parse(request.getName(), "services");
    return run.world.write(() -> {
      Service existing = run.store.services.get(child.name());
      if (existing == null) {
        throw RunResources.notFound(child.name());
      }
      RunResources.requireEtag(request.getEtag(), existing.getEtag(), child.name());
      Service deleted = existing.toBuilder().setDeleteTime(run.now()).build();
      String operationName = run.operationName(child.parent());
      if (request.getValidateOnly()) {
        return Operation.newBuilder().setName(operationName).setDone(true).setResponse(com.google.protobuf.Any.pack(deleted)).build();
      }
      run.store.services.remove(child.name());
      run.store.policies.remove(child.name());
      RunStore.removeChildren(run.store.revisions, child.name() + "/revisions");
      String pending = run.store.pendingOperations.remove(child.name());
      if (pending != null) {
        run.world.operations().fail(pending, GrpcErrors.status(Code.ABORTED, "The service " + child.name() + " was deleted."));
      }
      LOG.info("Deleted Cloud Run service {}", child.name());
      return run.world.operations().finished(operationName, deleted, deleted);
    });
  }

  /**
   * Returns the service the update requests: the request's service as a whole, or, with an
   * update mask, the existing service with only the masked fields taken from the request.
   */
  private static Service withMask(Service existing, UpdateServiceRequest request) {
    if (existing == null || request.getUpdateMask().getPathsCount() == 0) {
      return request.getService();
    }
    Service.Builder merged = existing.toBuilder();
    FieldMaskUtil.merge(
        request.getUpdateMask(),
        request.getService(),
        merged,
        new FieldMaskUtil.MergeOptions().setReplaceMessageFields(true).setReplaceRepeatedFields(true));
    return merged.setEtag(request.getService().getEtag()).build();
  }

  /** Finishes the rollout of every service left reconciling, as after a restart. */
  void resumePending() {
    List<String> pending = run.world.read(() -> List.copyOf(run.store.pendingOperations.keySet()));
    pending.stream().filter(name -> name.contains("/services/")).forEach(this::scheduleRollout);
  }

  private void scheduleRollout(String serviceName) {
    run.after(run.settings.rolloutDelay(), () -> finishRollout(serviceName));
  }

  private void finishRollout(String serviceName) {
    run.world.update(() -> {
      Service service = run.store.services.get(serviceName);
      String operationName = run.store.pendingOperations.get(serviceName);
      if (service == null || operationName == null || !service.getReconciling()) {
        return;
      }
      run.store.pendingOperations.remove(serviceName);
      Timestamp now = run.now();
      String revisionName = service.getLatestCreatedRevision();
      Revision revision = run.store.revisions.get(revisionName);
      Optional<DeploymentChecks.Failure> failure = revision == null ? Optional.empty()
          : run.checks.checkOnDeploy(RunNames.lastSegment(revisionName), revision.getContainersList(), revision.getVolumesList(),
              revision.getServiceAccount(), SERVICE_CONTAINERS);
      if (failure.isEmpty()) {
        failure = Traffic.checkTargets(service, run.store);
      }
      if (failure.isPresent()) {
        failRollout(service, revision, failure.get(), operationName, now);
        return;
      }
      if (revision != null) {
        run.store.revisions.put(revisionName, revisions.ready(revision, now));
      }
      Service ready =
          service.toBuilder()
              .setReconciling(false)
              .setObservedGeneration(service.getGeneration())
              .setLatestReadyRevision(revisionName)
              .clearTrafficStatuses()
              .addAllTrafficStatuses(Traffic.statuses(service, revisionName))
              .setTerminalCondition(Conditions.succeeded(Conditions.READY, now))
              .clearConditions()
              .addConditions(Conditions.succeeded(Conditions.ROUTES_READY, now))
              .addConditions(Conditions.succeeded(Conditions.CONFIGURATIONS_READY, now))
              .build();
      run.store.services.put(serviceName, ready);
      run.world.operations().complete(operationName, ready, ready);
      run.logs.revisionEvent(ready, revisionName, "INFO", "Ready condition status changed to True for Service " + RunNames.lastSegment(serviceName) + ".");
      LOG.info("Cloud Run service {} is Ready on revision {}", serviceName, revisionName);
    });
  }

  private void failRollout(Service service, Revision revision, DeploymentChecks.Failure failure, String operationName, Timestamp now) {
    if (revision != null) {
      run.store.revisions.put(revision.getName(), revisions.failed(revision, failure, now));
    }
    Condition ready = Conditions.failed(Conditions.READY, now, failure.message(), failure.reason());
    Service failed =
        service.toBuilder()
            .setReconciling(false)
            .setObservedGeneration(service.getGeneration())
            .setTerminalCondition(ready)
            .clearConditions()
            .addConditions(Conditions.failed(Conditions.ROUTES_READY, now, failure.message(), Condition.CommonReason.REVISION_FAILED))
            .addConditions(Conditions.failed(Conditions.CONFIGURATIONS_READY, now, failure.message(), failure.reason()))
            .build();
    run.store.services.put(service.getName(), failed);
    run.world.operations().fail(operationName, GrpcErrors.status(failure.code(), failure.message()));
    run.logs.revisionEvent(failed, service.getLatestCreatedRevision(), "ERROR", failure.message());
    LOG.info("Cloud Run service {} failed to deploy: {}", service.getName(), failure.message());
  }

  private Service reconciling(Service service, Timestamp now) {
    return service.toBuilder()
        .setReconciling(true)
        .setTerminalCondition(Conditions.reconciling(Conditions.READY, now))
        .clearConditions()
        .addConditions(Conditions.reconciling(Conditions.ROUTES_READY, now))
        .addConditions(Conditions.reconciling(Conditions.CONFIGURATIONS_READY, now))
        .build();
  }

  /** Fills in the template defaults Cloud Run reports back: 80 concurrent requests, 300 s timeout. */
  static RevisionTemplate withDefaults(RevisionTemplate template) {
    RevisionTemplate.Builder filled = template.toBuilder();
    if (template.getMaxInstanceRequestConcurrency() == 0) {
      filled.setMaxInstanceRequestConcurrency(80);
    }
    if (!template.hasTimeout()) {
      filled.setTimeout(Duration.newBuilder().setSeconds(300));
    }
    return filled.build();
  }

  private static List<TrafficTarget> traffic(Service requested) {
    if (requested.getTrafficCount() == 0) {
      return List.of(
          TrafficTarget.newBuilder()
              .setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST)
              .setPercent(100)
              .build());
    }
    Traffic.checkPercentages(requested.getTrafficList());
    return requested.getTrafficList();
  }
}
