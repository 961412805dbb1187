package dev.terrace.emulator;

/**
 * A group of emulated services added to the emulator. Services outside the built-in set (Cloud
 * Run, Cloud Tasks, Cloud Scheduler) implement this and are found through {@link
 * java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.terrace.emulator.EmulatorModule}.
 */
public interface EmulatorModule {

  /** Short name for logs, such as {@code run}. */
  String name();

  /**
   * Registers gRPC services and state sections. Runs before the snapshot is loaded and before any
   * server starts, so it must not start threads or serve anything yet.
   */
  void install(ModuleContext context);

  /**
   * Runs once the snapshot is loaded and the gRPC and Storage servers are up: start timers and
   * extra servers here, and publish their addresses with {@link ModuleContext#addEndpoint}.
   */
  default void start(ModuleContext context) throws Exception {}

  /** Stops what {@link #start} started; runs before the final snapshot is written. */
  default void close() throws Exception {}
}
