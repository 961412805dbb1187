package dev.terrace.emulator.scheduler;

import dev.terrace.emulator.Apis;
import dev.terrace.emulator.EmulatorModule;
import dev.terrace.emulator.ModuleContext;
import dev.terrace.emulator.run.ProjectScope;

/**
 * Cloud Scheduler v1. Enabled jobs fire on the emulator clock, so its acceleration makes an
 * every-minute schedule fire many times a real second.
 */
public final class SchedulerModule implements EmulatorModule {

  private AttemptRunner attempts;

  @Override
  public String name() {
    return "cloudscheduler";
  }

  @Override
  public void install(ModuleContext context) {
    SchedulerStore store = context.world().addSection(new SchedulerStore());
    attempts = new AttemptRunner(context.world(), store, context.scheduler());
    context.addService(
        ProjectScope.wrap(new CloudSchedulerService(context.world(), store, attempts), context.world(), Apis.CLOUD_SCHEDULER, "cloudscheduler"),
        Apis.CLOUD_SCHEDULER);
  }

  @Override
  public void start(ModuleContext context) {
    attempts.start();
  }

  @Override
  public void close() {
    if (attempts != null) {
      attempts.close();
    }
  }
}
