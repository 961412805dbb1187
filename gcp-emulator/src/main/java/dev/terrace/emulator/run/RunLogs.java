package dev.terrace.emulator.run;

import com.google.api.MonitoredResource;
import com.google.cloud.run.v2.Service;
import com.google.logging.type.HttpRequest;
import com.google.logging.type.LogSeverity;
import com.google.logging.v2.LogEntry;
import dev.terrace.emulator.World;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes the log entries Cloud Run writes, with its resource types and labels:
 * {@code cloud_run_revision} for services and {@code cloud_run_job} for jobs.
 */
final class RunLogs {

  private final World world;

  RunLogs(World world) {
    this.world = world;
  }

  /** Writes a system event of a service revision, such as a change of its Ready condition. */
  void revisionEvent(Service service, String revisionName, String severity, String message) {
    world.logs().write(
        LogEntry.newBuilder()
            .setLogName(logName("run.googleapis.com/varlog/system"))
            .setResource(revisionResource(service.getName(), RunNames.lastSegment(revisionName)))
            .setSeverity(LogSeverity.valueOf(severity))
            .setTextPayload(message)
            .build());
  }

  /** Writes the request log entry of one request to a service URL. */
  void request(String serviceName, String revisionId, HttpRequest request, String trace) {
    LogSeverity severity = request.getStatus() >= 500 ? LogSeverity.ERROR : request.getStatus() >= 400 ? LogSeverity.WARNING : LogSeverity.INFO;
    LogEntry.Builder entry =
        LogEntry.newBuilder()
            .setLogName(logName("run.googleapis.com/requests"))
            .setResource(revisionResource(serviceName, revisionId))
            .setSeverity(severity)
            .setHttpRequest(request);
    if (!trace.isEmpty()) {
      entry.setTrace("projects/" + world.projectId() + "/traces/" + trace);
    }
    world.logs().write(entry.build());
  }

  /**
   * Writes a system event of a job execution, such as its start or its failure. The entry carries
   * the execution's name in the {@code run.googleapis.com/execution_name} label, as Cloud Run's do.
   */
  void jobEvent(RunNames.Child job, String executionId, String severity, String message) {
    world.logs().write(
        LogEntry.newBuilder()
            .putLabels("run.googleapis.com/execution_name", executionId)
            .setLogName(logName("run.googleapis.com/varlog/system"))
            .setResource(
                MonitoredResource.newBuilder()
                    .setType("cloud_run_job")
                    .putLabels("job_name", job.id())
                    .putLabels("location", job.location())
                    .putLabels("project_id", world.projectId()))
            .setSeverity(LogSeverity.valueOf(severity))
            .setTextPayload(message)
            .build());
  }

  private MonitoredResource revisionResource(String serviceName, String revisionId) {
    RunNames.Child service = RunNames.parse(serviceName, "services");
    return MonitoredResource.newBuilder()
        .setType("cloud_run_revision")
        .putLabels("service_name", service.id())
        .putLabels("revision_name", revisionId)
        .putLabels("location", service.location())
        .putLabels("project_id", world.projectId())
        .putLabels("configuration_name", service.id())
        .build();
  }

  private String logName(String logId) {
    return world.projectName() + "/logs/" + URLEncoder.encode(logId, StandardCharsets.UTF_8);
  }

  /** Returns the Cloud Console link Cloud Run puts in {@code logUri}. */
  static String consoleLogUri(String projectId, String parentName, String childId) {
    return "https://console.cloud.google.com/logs/viewer?project=" + projectId + "&resource=" + RunNames.lastSegment(parentName) + "/" + childId;
  }
}
