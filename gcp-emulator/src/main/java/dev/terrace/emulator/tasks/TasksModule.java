package dev.terrace.emulator.tasks;

import dev.terrace.emulator.Apis;
import dev.terrace.emulator.EmulatorModule;
import dev.terrace.emulator.ModuleContext;
import dev.terrace.emulator.run.ProjectScope;

/**
 * Cloud Tasks v2: queues and their tasks. HTTP tasks aimed at this emulator's Cloud Run service
 * URLs are dispatched; other tasks stay queued.
 */
public final class TasksModule implements EmulatorModule {

  private TaskDispatcher dispatcher;

  @Override
  public String name() {
    return "cloudtasks";
  }

  @Override
  public void install(ModuleContext context) {
    TasksStore store = context.world().addSection(new TasksStore(context.world()));
    context.addService(
        ProjectScope.wrap(new CloudTasksService(context.world(), store), context.world(), Apis.CLOUD_TASKS, "cloudtasks"), Apis.CLOUD_TASKS);
    dispatcher = new TaskDispatcher(context.world(), store, context.scheduler());
  }

  @Override
  public void start(ModuleContext context) {
    dispatcher.start();
  }

  @Override
  public void close() {
    if (dispatcher != null) {
      dispatcher.close();
    }
  }
}
