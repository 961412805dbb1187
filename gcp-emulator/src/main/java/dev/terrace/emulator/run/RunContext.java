package dev.terrace.emulator.run;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import dev.terrace.emulator.World;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/** The objects the Cloud Run services share: the world, the Cloud Run state, settings and a timer. */
final class RunContext {

  final World world;
  final RunStore store;
  final RunSettings settings;
  final DeploymentChecks checks;
  final RunLogs logs;
  private final DelayedSteps steps;
  private volatile String serviceUrlBase = "http://127.0.0.1:0";

  RunContext(World world, RunStore store, RunSettings settings, ScheduledExecutorService timer) {
    this.world = world;
    this.store = store;
    this.settings = settings;
    this.steps = new DelayedSteps(world.clock(), timer);
    this.checks = new DeploymentChecks(world);
    this.logs = new RunLogs(world);
  }

  Timestamp now() {
    return Timestamps.fromMillis(world.clock().millis());
  }

  /** Returns the caller's email, as Cloud Run puts it in {@code creator} and {@code lastModifier}. */
  String callerEmail() {
    String caller = world.caller();
    return caller.substring(caller.indexOf(':') + 1);
  }

  /** Runs the step once {@code emulatedDelay} has passed on the emulator clock. */
  void after(Duration emulatedDelay, Runnable step) {
    steps.add(emulatedDelay, step);
  }

  /** Returns the queue of delayed steps, which the module starts and stops. */
  DelayedSteps steps() {
    return steps;
  }

  void setServiceUrlBase(String base) {
    this.serviceUrlBase = base;
  }

  /** Returns the loopback URL of a service, {@code http://127.0.0.1:PORT/s/LOCATION/SERVICE}. */
  String serviceUri(String location, String serviceId) {
    return serviceUrlBase + ServiceUrlServer.PATH_PREFIX + location + "/" + serviceId;
  }

  String operationName(String parent) {
    return parent + "/operations/" + java.util.UUID.randomUUID();
  }
}
