package dev.terrace.core.port;

import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.spec.Spec;
import java.util.Set;

/**
 * One connection to one cloud project, real or sandbox. It hands out a driver per resource kind
 * and the ports for secret values, status, logs and job runs.
 */
public interface Gateway extends AutoCloseable {

    String project();

    /** Reads the enabled APIs of the project in one call, such as {@code run.googleapis.com}. */
    Set<String> enabledServices();

    /** Returns the driver of a kind; the spec type is the kind's {@link ResourceKind#specType()}. */
    <S extends Spec> Driver<S> driver(ResourceKind kind);

    SecretValues secretValues();

    StatusSource status();

    /** Runs Cloud Run jobs once, for the deploy's migrate and collectstatic steps. */
    JobRuns jobRuns();

    /** Lists the images in the project's Artifact Registry repositories. */
    ImageRegistry images();

    LogSource logs();

    /** A short description for messages, such as "sandbox" or "Google Cloud project P". */
    String describe();

    @Override
    void close();
}
