package dev.terrace.emulator.run;

import com.google.cloud.run.v2.Condition;
import com.google.protobuf.Timestamp;

/** Builds the conditions Cloud Run reports on services, revisions, jobs and executions. */
final class Conditions {

  static final String READY = "Ready";
  static final String ROUTES_READY = "RoutesReady";
  static final String CONFIGURATIONS_READY = "ConfigurationsReady";
  static final String CONTAINER_HEALTHY = "ContainerHealthy";
  static final String RESOURCES_AVAILABLE = "ResourcesAvailable";
  static final String STARTED = "Started";
  static final String COMPLETED = "Completed";

  private Conditions() {
  }

  static Condition reconciling(String type, Timestamp now) {
    return Condition.newBuilder()
        .setType(type)
        .setState(Condition.State.CONDITION_RECONCILING)
        .setLastTransitionTime(now)
        .build();
  }

  static Condition pending(String type, Timestamp now) {
    return Condition.newBuilder()
        .setType(type)
        .setState(Condition.State.CONDITION_PENDING)
        .setLastTransitionTime(now)
        .build();
  }

  static Condition succeeded(String type, Timestamp now) {
    return Condition.newBuilder()
        .setType(type)
        .setState(Condition.State.CONDITION_SUCCEEDED)
        .setLastTransitionTime(now)
        .build();
  }

  static Condition failed(String type, Timestamp now, String message, Condition.CommonReason reason) {
    return Condition.newBuilder()
        .setType(type)
        .setState(Condition.State.CONDITION_FAILED)
        .setMessage(message)
        .setReason(reason)
        .setSeverity(Condition.Severity.ERROR)
        .setLastTransitionTime(now)
        .build();
  }

  static Condition executionFailed(String type, Timestamp now, String message, Condition.ExecutionReason reason) {
    return Condition.newBuilder()
        .setType(type)
        .setState(Condition.State.CONDITION_FAILED)
        .setMessage(message)
        .setExecutionReason(reason)
        .setSeverity(Condition.Severity.ERROR)
        .setLastTransitionTime(now)
        .build();
  }
}
