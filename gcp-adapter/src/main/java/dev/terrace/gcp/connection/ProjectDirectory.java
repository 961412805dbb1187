package dev.terrace.gcp.connection;

import com.google.cloud.resourcemanager.v3.Project;
import com.google.cloud.resourcemanager.v3.SearchProjectsRequest;
import dev.terrace.gcp.error.ErrorTranslator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lists the projects a connection's principal may see, for a project picker. SearchProjects
 * returns only projects on which the principal holds {@code resourcemanager.projects.get}, and it
 * needs the Resource Manager API enabled in the quota project.
 */
public final class ProjectDirectory {

    /** Leaves out projects that are pending deletion. */
    static final String ACTIVE_ONLY = "state:ACTIVE";

    private final ClientFactory clients;

    public ProjectDirectory(ClientFactory clients) {
        this.clients = clients;
    }

    /**
     * Returns the active projects the principal may see, sorted by id; follows every page.
     *
     * @throws dev.terrace.core.port.CloudException when the search fails, translated
     */
    public List<VisibleProject> search() {
        SearchProjectsRequest request = SearchProjectsRequest.newBuilder().setQuery(ACTIVE_ONLY).build();
        return ErrorTranslator.call("list the projects you can see", () -> {
            List<VisibleProject> found = new ArrayList<>();
            for (Project project : clients.projects().searchProjects(request).iterateAll()) {
                found.add(new VisibleProject(project.getProjectId(), project.getDisplayName(), numberOf(project)));
            }
            found.sort(Comparator.comparing(VisibleProject::projectId));
            return found;
        });
    }

    private static String numberOf(Project project) {
        String name = project.getName();
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
