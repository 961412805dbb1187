package dev.terrace.emulator;

import dev.terrace.emulator.artifactregistry.ArtifactRegistryService;
import dev.terrace.emulator.iam.IamService;
import dev.terrace.emulator.logging.LoggingService;
import dev.terrace.emulator.location.LocationsService;
import dev.terrace.emulator.longrunning.OperationsService;
import dev.terrace.emulator.orgpolicy.OrgPolicyService;
import dev.terrace.emulator.resourcemanager.ProjectsService;
import dev.terrace.emulator.secretmanager.SecretManagerService;
import dev.terrace.emulator.serviceusage.ServiceUsageService;

/** The gRPC services this module always serves; Cloud Storage is served on its own HTTP server. */
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
    context.addService(new ServiceUsageService(world), Apis.SERVICE_USAGE);
    context.addService(new ProjectsService(world), Apis.RESOURCE_MANAGER);
    context.addService(new IamService(world), Apis.IAM);
    context.addService(new ArtifactRegistryService(world), Apis.ARTIFACT_REGISTRY);
    context.addService(new SecretManagerService(world), Apis.SECRET_MANAGER);
    context.addService(new LoggingService(world), Apis.LOGGING);
    // Locations serves every regional product's API, so it checks enablement itself.
    context.addService(LocationsService.withAuthority(world), null);
    // NOTE: Google serves the Org Policy API only once it is enabled; the emulator always serves it.
    context.addService(new OrgPolicyService(world), null);
  }
}
