package dev.terrace.emulator.tasks;

import dev.terrace.emulator.Apis;
import dev.terrace.emulator.EmulatorModule;
import dev.terrace.emulator.ModuleContext;

/** Cloud Tasks v2: queues and their tasks. Tasks are kept, not dispatched. */
public final class TasksModule implements EmulatorModule {

  @Override
  public String name() {
    return "cloudtasks";
  }

  @Override
  public void install(ModuleContext context) {
    TasksStore store = context.world().addSection(new TasksStore(context.world()));
    context.addService(new CloudTasksService(context.world(), store), Apis.CLOUD_TASKS);
  }
}
