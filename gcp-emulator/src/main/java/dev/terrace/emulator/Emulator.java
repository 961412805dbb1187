package dev.terrace.emulator;

import dev.terrace.emulator.artifactregistry.PublishedImage;
import dev.terrace.emulator.fault.FaultFilter;
import dev.terrace.emulator.fault.FaultInterceptor;
import dev.terrace.emulator.fault.Faults;
import dev.terrace.emulator.grpc.ApiEnablementInterceptor;
import dev.terrace.emulator.grpc.ExceptionStatusInterceptor;
import dev.terrace.emulator.http.ApiEnablementFilter;
import dev.terrace.emulator.http.HttpApiServer;
import dev.terrace.emulator.logging.AdminActivityInterceptor;
import dev.terrace.emulator.requestlog.RequestLog;
import dev.terrace.emulator.requestlog.RequestLogFilter;
import dev.terrace.emulator.requestlog.RequestLogInterceptor;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running emulator: one gRPC server for every gRPC API and one HTTP server for Cloud Storage,
 * both on 127.0.0.1, over one shared {@link World}. Start it with {@link #start}, point the official
 * clients at {@link #endpoints()}, and close it to stop (which writes a final snapshot when it has a
 * data directory).
 */
public final class Emulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Emulator.class);
  private static final long SNAPSHOT_INTERVAL_MILLIS = 1000;

  private final EmulatorConfig config;
  private final World world;
  private final Faults faults;
  private final RequestLog requestLog = new RequestLog();
  private final ScheduledExecutorService scheduler;
  private final List<EmulatorModule> modules = new ArrayList<>();
  private final SnapshotStore snapshots;
  private Server grpcServer;
  private HttpApiServer storageServer;
  private Endpoints endpoints;
  private boolean closed;

  private Emulator(EmulatorConfig config) {
    this.config = config;
    this.world = new World(config, new EmulatorClock(config.clockAcceleration()));
    this.faults = new Faults(config.faultSeed());
    this.scheduler = Executors.newScheduledThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "emulator-scheduler");
      thread.setDaemon(true);
      return thread;
    });
    this.snapshots = config.dataDir() == null ? null : new SnapshotStore(config.dataDir());
  }

  /**
   * Starts an emulator: loads the snapshot from the data directory if there is one, then serves.
   *
   * @throws UncheckedIOException when a port cannot be bound or the snapshot cannot be read
   */
  public static Emulator start(EmulatorConfig config) {
    Emulator emulator = new Emulator(config);
    try {
      emulator.startServing();
      return emulator;
    } catch (IOException e) {
      emulator.close();
      throw new UncheckedIOException("emulator failed to start: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  /** Starts an in-memory emulator with the default settings. */
  public static Emulator start() {
    return start(EmulatorConfig.builder().build());
  }

  private void startServing() throws IOException {
    Context context = new Context();
    modules.add(new BuiltInServices());
    ServiceLoader.load(EmulatorModule.class, Emulator.class.getClassLoader()).forEach(modules::add);
    for (EmulatorModule module : modules) {
      module.install(context);
    }
    context.installing = false;

    // Reading the snapshot (and loading Jackson) overlaps with Netty's start-up, which is most of
    // the start time; nothing is served before both are done.
    CompletableFuture<Void> loaded = snapshots == null ? CompletableFuture.completedFuture(null) : loadInBackground();

    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(Loopback.ADDRESS, config.grpcPort()));
    for (ServerServiceDefinition service : context.services) {
      builder.addService(service);
    }
    // Interceptors added later run first: the request log records every outcome, faults included,
    // and only calls that passed the faults reach the audit log.
    builder.intercept(new AdminActivityInterceptor(world, service -> service.startsWith("google.logging.") ? null : context.apiOfService.get(service)));
    builder.intercept(new FaultInterceptor(faults, service -> context.apiOfService.getOrDefault(service, service), config.projectNumber()));
    builder.intercept(new RequestLogInterceptor(requestLog));
    Server server = builder.build();
    storageServer =
        new HttpApiServer(
            config.storagePort(),
            List.of(new RequestLogFilter(requestLog), new FaultFilter(faults, config.projectNumber()), new ApiEnablementFilter(world)));
    dev.terrace.emulator.storage.StorageApi.register(storageServer, world);
    // Cloud Run's regions are listed only by its v1 REST API, so that route shares the HTTP server.
    dev.terrace.emulator.location.RunLocationsRest.register(storageServer, world);
    awaitLoaded(loaded);
    grpcServer = server.start();
    storageServer.start();

    endpoints = new Endpoints(grpcServer.getPort(), storageServer.port());
    context.pendingEndpoints.forEach(endpoints::add);
    for (EmulatorModule module : modules) {
      try {
        module.start(context);
      } catch (Exception e) {
        throw new IllegalStateException("emulator module " + module.name() + " failed to start: " + e.getMessage(), e);
      }
    }

    if (snapshots != null) {
      scheduler.scheduleWithFixedDelay(this::saveQuietly, SNAPSHOT_INTERVAL_MILLIS, SNAPSHOT_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }
    LOG.info("Emulator for project {} serving {}", config.projectId(), endpoints);
  }

  private CompletableFuture<Void> loadInBackground() {
    return CompletableFuture.runAsync(() -> {
      try {
        snapshots.load(world);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, scheduler);
  }

  private static void awaitLoaded(CompletableFuture<Void> loaded) throws IOException {
    try {
      loaded.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw e;
    }
  }

  public EmulatorConfig config() {
    return config;
  }

  public Endpoints endpoints() {
    return endpoints;
  }

  /** Returns the shared state, which tests read and the services of every module change. */
  public World world() {
    return world;
  }

  public EmulatorClock clock() {
    return world.clock();
  }

  /** Returns the fault rules in force, which tests may change at any time. */
  public Faults faults() {
    return faults;
  }

  /** Returns the log of the calls served so far. */
  public RequestLog requestLog() {
    return requestLog;
  }

  /**
   * Publishes a Docker image into an existing Artifact Registry repository of the project's region,
   * as a {@code docker push} would: a new digest, and the tags moved onto it.
   *
   * @param repositoryId repository id, such as {@code app-repo}
   * @param imageName image name inside the repository, such as {@code app}
   * @param tags tags to put on the new image, such as {@code latest} and a git SHA
   * @throws IllegalArgumentException when the repository does not exist or is not DOCKER
   */
  public PublishedImage publishImage(String repositoryId, String imageName, String... tags) {
    return world.artifactRegistry().publish(config.region(), repositoryId, imageName, List.of(tags));
  }

  /** Writes a snapshot now, when the emulator has a data directory. */
  public void snapshot() throws IOException {
    if (snapshots != null) {
      snapshots.save(world, true);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (EmulatorModule module : modules) {
      try {
        module.close();
      } catch (Exception e) {
        LOG.warn("Emulator module {} failed to close", module.name(), e);
      }
    }
    scheduler.shutdownNow();
    if (grpcServer != null) {
      grpcServer.shutdownNow();
    }
    if (storageServer != null) {
      storageServer.close();
    }
    awaitScheduler();
    if (endpoints != null) {
      saveFinal();
    }
    if (grpcServer != null) {
      try {
        grpcServer.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // A periodic snapshot still running must finish before the final one, or it could land last.
  private void awaitScheduler() {
    try {
      if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("Emulator background tasks did not stop within 5 s; writing the final snapshot anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void saveFinal() {
    if (snapshots == null) {
      return;
    }
    try {
      snapshots.save(world, true);
    } catch (IOException | RuntimeException e) {
      LOG.error("Emulator failed to write the final snapshot to {}", config.dataDir(), e);
    }
  }

  private void saveQuietly() {
    if (snapshots == null) {
      return;
    }
    try {
      snapshots.save(world, false);
    } catch (IOException | RuntimeException e) {
      LOG.error("Emulator failed to write a snapshot to {}", config.dataDir(), e);
    }
  }

  private final class Context implements ModuleContext {
    final List<ServerServiceDefinition> services = new ArrayList<>();
    final Map<String, String> apiOfService = new HashMap<>();
    final Map<String, String> pendingEndpoints = new java.util.LinkedHashMap<>();
    boolean installing = true;

    @Override
    public World world() {
      return world;
    }

    @Override
    public EmulatorConfig config() {
      return config;
    }

    @Override
    public void addService(BindableService service, String api) {
      if (!installing) {
        throw new IllegalStateException("gRPC services can only be added while modules install");
      }
      ServerServiceDefinition definition = service.bindService();
      // The last interceptor listed runs first: the enablement check, then the translation of
      // thrown status exceptions, which wraps the service itself.
      ServerServiceDefinition intercepted =
          api == null
              ? ServerInterceptors.intercept(definition, new ExceptionStatusInterceptor())
              : ServerInterceptors.intercept(definition, new ExceptionStatusInterceptor(), new ApiEnablementInterceptor(world, api));
      services.add(intercepted);
      if (api != null) {
        apiOfService.put(definition.getServiceDescriptor().getName(), api);
      }
    }

    @Override
    public void addEndpoint(String name, String address) {
      if (endpoints == null) {
        pendingEndpoints.put(name, address);
      } else {
        endpoints.add(name, address);
      }
    }

    @Override
    public ScheduledExecutorService scheduler() {
      return scheduler;
    }

    @Override
    public Faults faults() {
      return faults;
    }

    @Override
    public RequestLog requestLog() {
      return requestLog;
    }
  }
}
