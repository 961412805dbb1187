package dev.terrace.emulator;

import dev.terrace.emulator.longrunning.OperationsService;

/** The services this module always serves; Cloud Storage is served on its own HTTP server. */
final class BuiltInServices implements EmulatorModule {

  @Override
  public String name() {
    return "built-in";
  }

  @Override
  public void install(ModuleContext context) {
    World world = context.world();
    // Operations has no API of its own: each operation belongs to the API that started it.
    context.addService(new OperationsService(world.operations()), null);
  }
}
