package dev.terrace.gcp.driver;

import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.Driver;

/** Makes the driver of each kind; the only way in from outside this package. */
public final class Drivers {

    private Drivers() {
    }

    /** Returns the driver of a kind, wrapped to ride out an API enablement that is still propagating. */
    public static Driver<?> of(ResourceKind kind, DriverContext context) {
        Driver<?> driver = switch (kind) {
            case API -> new ApiDriver(context);
            case ARTIFACT_REPOSITORY -> new ArtifactRepositoryDriver(context);
            case SECRET -> new SecretDriver(context);
            case BUCKET -> new BucketDriver(context);
            case SERVICE_ACCOUNT -> new ServiceAccountDriver(context);
            case PROJECT_IAM_MEMBER -> new ProjectIamMemberDriver(context);
            case RUN_SERVICE -> new RunServiceDriver(context);
            case RUN_JOB -> new RunJobDriver(context);
            case TASKS_QUEUE -> new TasksQueueDriver(context);
            case SCHEDULER_JOB -> new SchedulerJobDriver(context);
        };
        return kind == ResourceKind.API ? driver : wrap(driver, kind.apiService(), context);
    }

    private static <S extends dev.terrace.core.spec.Spec> Driver<S> wrap(Driver<S> driver, String api,
            DriverContext context) {
        return new PropagationRetryingDriver<>(driver, api, context.enablements());
    }
}
