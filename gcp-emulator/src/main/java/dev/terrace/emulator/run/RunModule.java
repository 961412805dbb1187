package dev.terrace.emulator.run;

import dev.terrace.emulator.Apis;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.emulator.EmulatorModule;
import dev.terrace.emulator.ModuleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cloud Run Admin v2 (services, revisions, jobs, executions, tasks) and the service URL server.
 * Other modules reach it through {@link #invoker(dev.terrace.emulator.World)}.
 */
public final class RunModule implements EmulatorModule {

  /** Name of the endpoint that {@code Endpoints.all()} lists for the service URL server. */
  public static final String SERVICE_URLS_ENDPOINT = "run-service-urls";

  private static final Logger LOG = LoggerFactory.getLogger(RunModule.class);

  private RunContext run;
  private ServiceDeployer services;
  private JobDeployer jobs;
  private ExecutionRunner executions;
  private ServiceUrlServer urls;

  @Override
  public String name() {
    return "run";
  }

  @Override
  public void install(ModuleContext context) {
    RunStore store = context.world().addSection(new RunStore());
    run = new RunContext(context.world(), store, settings(context.config()), context.scheduler());
    services = new ServiceDeployer(run);
    jobs = new JobDeployer(run);
    executions = new ExecutionRunner(run);
    urls = new ServiceUrlServer(run);
    store.invoker = new RunInvoker(run, executions, urls);
    addScoped(context, new ServicesService(run, services));
    addScoped(context, new RevisionsService(run));
    addScoped(context, new JobsService(run, jobs, executions));
    addScoped(context, new ExecutionsService(run, executions));
    addScoped(context, new ExecutionsService.TasksService(run));
  }

  private static void addScoped(ModuleContext context, io.grpc.BindableService service) {
    context.addService(ProjectScope.wrap(service, context.world(), Apis.RUN, "run"), Apis.RUN);
  }

  @Override
  public void start(ModuleContext context) throws Exception {
    run.steps().start();
    urls.start(run.settings.serviceUrlPort());
    run.setServiceUrlBase(urls.baseUrl());
    refreshServiceUris();
    context.addEndpoint(SERVICE_URLS_ENDPOINT, urls.baseUrl());
    services.resumePending();
    jobs.resumePending();
    executions.resumePending();
    LOG.info("Cloud Run service URLs at {}", urls.baseUrl());
  }

  @Override
  public void close() {
    if (run != null) {
      run.steps().close();
    }
    if (urls != null) {
      urls.close();
    }
  }

  /** Returns the entry point other modules use to run jobs and call service URLs. */
  public static RunInvoker invoker(dev.terrace.emulator.World world) {
    return world.section("run", RunStore.class).invoker;
  }

  /**
   * Rewrites each service's {@code uri} after a restart, because the service URL server may
   * listen on another port than in the previous run.
   */
  private void refreshServiceUris() {
    run.world.update(() -> run.store.services.replaceAll((name, service) -> {
      RunNames.Child child = RunNames.parse(name, "services");
      String uri = run.serviceUri(child.location(), child.id());
      return service.toBuilder().setUri(uri).clearUrls().addUrls(uri).build();
    }));
  }

  private static RunSettings settings(EmulatorConfig config) {
    return new RunSettings(config.runRolloutDelay(), config.jobExecutionDelay(), config.serviceUrlPort());
  }
}
