package dev.terrace.gcp.preflight;

import com.google.cloud.location.ListLocationsRequest;
import com.google.cloud.location.Location;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.spec.ArtifactRepositorySpec;
import dev.terrace.core.spec.SchedulerJobSpec;
import dev.terrace.core.spec.Spec;
import dev.terrace.core.spec.TasksQueueSpec;
import dev.terrace.gcp.connection.ClientFactory;
import dev.terrace.gcp.error.ErrorTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A regional product must be offered in the resource's region, as its ListLocations reports. Cloud
 * Tasks, Cloud Scheduler and Artifact Registry publish their locations this way.
 *
 * <p>TODO: Cloud Run is not checked. Its v2 Java client has no ListLocations, and the list Google
 * documents is the v1 REST method {@code GET run.googleapis.com/v1/projects/PROJECT/locations}.
 */
final class RegionCheck implements PreflightCheck {

    @Override
    public String name() {
        return "region";
    }

    @Override
    public List<Diagnostic> check(PreflightContext context) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (ResourceKind kind : List.of(ResourceKind.TASKS_QUEUE, ResourceKind.SCHEDULER_JOB,
                ResourceKind.ARTIFACT_REPOSITORY)) {
            List<ResourceChange> writes = context.writes(kind);
            if (writes.isEmpty() || !context.readable(kind)) {
                continue;
            }
            Set<String> offered = locations(context, kind);
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
        return null;
    }
}
