package dev.terrace.desktop.logs;

import dev.terrace.core.port.LogEntry;
import dev.terrace.desktop.Texts;
import java.util.function.Predicate;

/**
 * Which Cloud Logging entries the logs view reads: those of every Cloud Run service and job, or of
 * one of them. The filter goes to Cloud Logging. The same test also runs on the entries that come
 * back, because a gateway such as the in-memory one returns entries without filtering them.
 *
 * @param filter a Cloud Logging filter expression
 */
public record LogScope(String label, String filter, Predicate<LogEntry> matches) {

    private static final String SERVICE_TYPE = "cloud_run_revision";
    private static final String JOB_TYPE = "cloud_run_job";

    /** Entries of every Cloud Run service and job: their resource types both start with {@code cloud_run_}. */
    public static LogScope allCloudRun() {
        return new LogScope(Texts.get("logs.scope.all"), "resource.type:\"cloud_run_\"",
                entry -> entry.resource() != null && entry.resource().startsWith("cloud_run_"));
    }

    /** Entries of one Cloud Run service, by its name in the cloud. */
    public static LogScope service(String name) {
        return new LogScope(Texts.get("logs.scope.service", name),
                "resource.type=\"" + SERVICE_TYPE + "\" AND resource.labels.service_name=\"" + name + "\"",
                entry -> SERVICE_TYPE.equals(entry.resource()) && name.equals(entry.labels().get("service_name")));
    }

    /** Entries of one Cloud Run job, by its name in the cloud. */
    public static LogScope job(String name) {
        return new LogScope(Texts.get("logs.scope.job", name),
                "resource.type=\"" + JOB_TYPE + "\" AND resource.labels.job_name=\"" + name + "\"",
                entry -> JOB_TYPE.equals(entry.resource()) && name.equals(entry.labels().get("job_name")));
    }

    @Override
    public String toString() {
        return label;
    }
}
