package dev.terrace.gcp.ports;

import com.google.api.gax.longrunning.OperationFuture;
import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Execution;
import com.google.cloud.run.v2.JobsClient;
import dev.terrace.core.port.JobExecution;
import dev.terrace.core.port.JobExecution.Outcome;
import dev.terrace.core.port.JobRuns;
import dev.terrace.core.spec.RunJobSpec;
import dev.terrace.gcp.error.ErrorTranslator;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Cloud Run job through {@code RunJob}, whose long-running operation ends when the
 * execution ends, and reads the execution's task counts from its result.
 */
public final class GcpJobRuns implements JobRuns {

    private static final Logger LOG = LoggerFactory.getLogger(GcpJobRuns.class);

    private final JobsClient jobs;
    private final String project;

    public GcpJobRuns(JobsClient jobs, String project) {
        this.jobs = jobs;
        this.project = project;
    }

    @Override
    public JobExecution runAndWait(RunJobSpec job, Duration limit) {
        String name = "projects/" + project + "/locations/" + job.location() + "/jobs/" + job.name();
        String action = "run Cloud Run job " + job.name();
        OperationFuture<Execution, Execution> running = ErrorTranslator.call(action, () -> jobs.runJobAsync(name));
        // NOTE: the execution's own name is known only from its result, so an unfinished or failed
        // wait reports the job's name instead.
        String executionName = job.name();
        LOG.info("Started an execution of job {}", name);
        try {
            Execution done = running.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return ended(done);
        } catch (TimeoutException stillRunning) {
            return new JobExecution(executionName, Outcome.STILL_RUNNING, 0, 0,
                    "still running after " + limit.toSeconds() + " s");
        } catch (ExecutionException failed) {
            String message = ErrorTranslator.translate(action, failed).getMessage();
            return new JobExecution(executionName, Outcome.FAILED, 0, 0, message);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new JobExecution(executionName, Outcome.STILL_RUNNING, 0, 0, "the wait was interrupted");
        }
    }

    private static JobExecution ended(Execution execution) {
        String shortName = execution.getName().substring(execution.getName().lastIndexOf('/') + 1);
        boolean succeeded = execution.getFailedCount() == 0 && execution.getCancelledCount() == 0
                && execution.getSucceededCount() >= execution.getTaskCount();
        String message = succeeded ? "" : failureMessage(execution);
        return new JobExecution(shortName, succeeded ? Outcome.SUCCEEDED : Outcome.FAILED,
                execution.getSucceededCount(), execution.getFailedCount(), message);
    }

    private static String failureMessage(Execution execution) {
        return execution.getConditionsList().stream()
                .filter(condition -> !condition.getMessage().isEmpty())
                .map(Condition::getMessage)
                .reduce((first, second) -> second)
                .orElse(execution.getFailedCount() + " of " + execution.getTaskCount() + " tasks failed");
    }
}
