package dev.terrace.gcp.preflight;

import com.google.cloud.location.ListLocationsRequest;
import com.google.cloud.location.Location;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.spec.ArtifactRepositorySpec;
import dev.terrace.core.spec.RunJobSpec;
import dev.terrace.core.spec.RunServiceSpec;
import dev.terrace.core.spec.SchedulerJobSpec;
import dev.terrace.core.spec.Spec;
import dev.terrace.core.spec.TasksQueueSpec;
import dev.terrace.gcp.connection.ClientFactory;
import dev.terrace.gcp.error.ErrorTranslator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A regional product must be offered in the resource's region, as its ListLocations reports. Cloud
 * Tasks, Cloud Scheduler and Artifact Registry publish their locations this way. Cloud Run's v2
 * client has no ListLocations, so its regions come from the v1 REST list ({@link RunLocations}).
 */
final class RegionCheck implements PreflightCheck {

    @Override
    public String name() {
        return "region";
    }

    @Override
    public List<Diagnostic> check(PreflightContext context) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, Set<String>> offeredByApi = new HashMap<>();
        for (ResourceKind kind : List.of(ResourceKind.TASKS_QUEUE, ResourceKind.SCHEDULER_JOB,
                ResourceKind.ARTIFACT_REPOSITORY, ResourceKind.RUN_SERVICE, ResourceKind.RUN_JOB)) {
            List<ResourceChange> writes = context.writes(kind);
            if (writes.isEmpty() || !context.readable(kind)) {
                continue;
            }
            // Cloud Run services and jobs share one list, read once.
            Set<String> offered = offeredByApi.computeIfAbsent(kind.apiService(), api -> locations(context, kind));
            for (ResourceChange change : writes) {
                String region = location(change.desired());
                if (region != null && !offered.contains(region)) {
                    diagnostics.add(new Diagnostic(Severity.ERROR, kind.apiService() + " is not offered in " + region,
                            change.address() + " is in " + region + ", where " + kind.apiService()
                                    + " does not run. It runs in: " + String.join(", ", offered) + ".",
                            "Choose one of those regions for " + change.address() + " in the stack file.",
                            change.address(), null, "location", region));
                }
            }
        }
        return diagnostics;
    }

    private static Set<String> locations(PreflightContext context, ResourceKind kind) {
        if (kind == ResourceKind.RUN_SERVICE || kind == ResourceKind.RUN_JOB) {
            return RunLocations.list(context);
        }
        ClientFactory clients = context.gateway().clients();
        ListLocationsRequest request = ListLocationsRequest.newBuilder().setName("projects/" + context.project())
                .build();
        return ErrorTranslator.call("list the locations of " + kind.apiService(), () -> {
            Iterable<Location> all = switch (kind) {
                case TASKS_QUEUE -> clients.tasks().listLocations(request).iterateAll();
                case SCHEDULER_JOB -> clients.scheduler().listLocations(request).iterateAll();
                default -> clients.artifactRegistry().listLocations(request).iterateAll();
            };
            Set<String> ids = new TreeSet<>();
            all.forEach(location -> ids.add(location.getLocationId()));
            return ids;
        });
    }

    private static String location(Spec spec) {
        if (spec instanceof TasksQueueSpec queue) {
            return queue.location();
        }
        if (spec instanceof SchedulerJobSpec job) {
            return job.location();
        }
        if (spec instanceof ArtifactRepositorySpec repository) {
            return repository.location();
        }
        if (spec instanceof RunServiceSpec service) {
            return service.location();
        }
        if (spec instanceof RunJobSpec job) {
            return job.location();
        }
        return null;
    }
}
