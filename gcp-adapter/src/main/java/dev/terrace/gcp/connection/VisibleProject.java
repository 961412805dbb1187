package dev.terrace.gcp.connection;

/**
 * A project the principal may see, as Resource Manager's SearchProjects returns it.
 *
 * @param projectId the project id, such as {@code mycoolproject-prod}
 * @param displayName the name shown in the Cloud console, which may equal the id
 * @param number the project number, from the resource name {@code projects/NUMBER}
 */
public record VisibleProject(String projectId, String displayName, String number) {
}
