package dev.terrace.core.port;

import dev.terrace.core.spec.RunJobSpec;
import java.time.Duration;

/** Runs a Cloud Run job once and waits for the execution to end, as a deploy does with migrate. */
public interface JobRuns {

    /**
     * Starts an execution of the job and waits up to {@code limit} for it to end. A failed or
     * unfinished execution is a result, not an exception; a refused start throws.
     *
     * @throws CloudException when the job cannot be started, such as when it does not exist
     */
    JobExecution runAndWait(RunJobSpec job, Duration limit);
}
