package dev.terrace.emulator.run;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.run.v2.TrafficTargetStatus;
import com.google.rpc.Code;
import dev.terrace.emulator.GrpcErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks a service's traffic split and resolves it into traffic statuses. */
final class Traffic {

  private Traffic() {
  }

  /** Rejects a split whose percentages do not add up to 100. */
  static void checkPercentages(List<TrafficTarget> targets) {
    int total = 0;
    for (TrafficTarget target : targets) {
      if (target.getPercent() < 0 || target.getPercent() > 100) {
        throw GrpcErrors.invalidArgument("spec.traffic: a traffic percent must be between 0 and 100, got " + target.getPercent() + ".");
      }
      total += target.getPercent();
    }
    if (total != 100) {
      throw GrpcErrors.invalidArgument("spec.traffic: the traffic percentages must add up to 100, but they add up to " + total + ".");
    }
  }

  /** Returns a failure when a target names a revision the service does not have. */
  static Optional<DeploymentChecks.Failure> checkTargets(Service service, RunStore store) {
    for (TrafficTarget target : service.getTrafficList()) {
      if (target.getType() != TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION) {
        continue;
      }
      String revision = revisionName(service, target.getRevision());
      if (!store.revisions.containsKey(revision)) {
        // Cloud Run fails such an operation with INTERNAL (code 13), as public reports show.
        return Optional.of(
            new DeploymentChecks.Failure(
                Code.INTERNAL,
                "Revision '" + RunNames.lastSegment(revision) + "' does not exist or is deleted. Update all traffic to route to currently available revisions.",
                Condition.CommonReason.REVISION_FAILED));
      }
    }
    return Optional.empty();
  }

  /** Resolves the split with the LATEST target pointing at {@code latestReady}. */
  static List<TrafficTargetStatus> statuses(Service service, String latestReady) {
    List<TrafficTargetStatus> statuses = new ArrayList<>();
    for (TrafficTarget target : service.getTrafficList()) {
      boolean latest = target.getType() != TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION;
      TrafficTargetStatus.Builder status =
          TrafficTargetStatus.newBuilder()
              .setType(latest ? TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST : target.getType())
              .setRevision(latest ? RunNames.lastSegment(latestReady) : RunNames.lastSegment(target.getRevision()))
              .setPercent(target.getPercent())
              .setTag(target.getTag());
      if (!target.getTag().isEmpty()) {
        status.setUri(ServiceUrlServer.taggedUri(service.getUri(), target.getTag()));
      }
      statuses.add(status.build());
    }
    return statuses;
  }

  /** Returns the revision a traffic tag points at, as a full revision name. */
  static Optional<String> taggedRevision(Service service, String tag) {
    return service.getTrafficStatusesList().stream()
        .filter(status -> status.getTag().equals(tag))
        .findFirst()
        .map(status -> service.getName() + "/revisions/" + status.getRevision());
  }

  /** Returns the revision that serves requests: the one with the largest share. */
  static Optional<String> servingRevision(Service service) {
    return service.getTrafficStatusesList().stream()
        .filter(status -> status.getPercent() > 0)
        .max(java.util.Comparator.comparingInt(TrafficTargetStatus::getPercent))
        .map(status -> service.getName() + "/revisions/" + status.getRevision());
  }

  private static String revisionName(Service service, String revision) {
    return revision.contains("/") ? revision : service.getName() + "/revisions/" + revision;
  }
}
