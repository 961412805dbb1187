package dev.terrace.emulator;

import dev.terrace.emulator.fault.Faults;
import dev.terrace.emulator.requestlog.RequestLog;
import io.grpc.BindableService;
import java.util.concurrent.ScheduledExecutorService;

/** Services the emulator offers a module while the module installs and starts. */
public interface ModuleContext {

  World world();

  EmulatorConfig config();

  /**
   * Serves the gRPC service on the shared server. Every call first passes the request log, the
   * fault rules and, when {@code api} is not null, the check that the API is enabled; a method may
   * fail by throwing a {@link io.grpc.StatusRuntimeException} such as those {@link GrpcErrors}
   * builds. Only during {@link EmulatorModule#install}.
   */
  void addService(BindableService service, String api);

  /** Adds a named address printed at start and returned by {@link Endpoints#all()}. */
  void addEndpoint(String name, String address);

  /** Shared daemon scheduler for delayed work (finishing operations, running jobs, ticks). */
  ScheduledExecutorService scheduler();

  Faults faults();

  RequestLog requestLog();
}
