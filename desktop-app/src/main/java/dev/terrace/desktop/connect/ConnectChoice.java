package dev.terrace.desktop.connect;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the connect dialog hands to the opener: the stack file and the Google Cloud settings the
 * user chose. Blank optional fields arrive as null.
 *
 * @param project the project to connect to, the stack's own
 * @param region the region of the API calls
 * @param impersonate the service account email to act as, or null
 * @param quotaProject the project charged for quota, or null for the one the credentials carry
 */
public record ConnectChoice(Path stackFile, String project, String region, String impersonate, String quotaProject) {

    public ConnectChoice {
        Objects.requireNonNull(stackFile, "stackFile");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(region, "region");
        impersonate = blankToNull(impersonate);
        quotaProject = blankToNull(quotaProject);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
