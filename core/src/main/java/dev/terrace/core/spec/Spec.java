package dev.terrace.core.spec;

/**
 * The desired fields of one resource, all of them owned by the user. Fields the server fills in
 * (ids, etags, URLs, timestamps) never appear in a spec; they travel in
 * {@link dev.terrace.core.port.Observed#attributes()}.
 */
public sealed interface Spec permits ApiSpec, ArtifactRepositorySpec, SecretSpec, BucketSpec,
        ServiceAccountSpec, ProjectIamMemberSpec, RunServiceSpec, RunJobSpec, TasksQueueSpec,
        SchedulerJobSpec {

    /**
     * Returns the key that identifies the cloud object within one project, such as a bucket's name
     * or {@code location/name} for a regional object. Two resources with the same identity would
     * fight over one object.
     */
    String identity();
}
