package dev.terrace.emulator.run;

import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.RunJobRequest;
import com.google.rpc.Code;
import dev.terrace.emulator.Permissions;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls into the emulated Cloud Run from other emulated services, without network traffic:
 * Cloud Scheduler's HTTP targets reach the Cloud Run Admin API's {@code jobs/NAME:run} and the
 * service URLs through it.
 */
public final class RunInvoker {

  private static final Pattern RUN_JOB_URI =
      Pattern.compile("https://run\\.googleapis\\.com/v2/(projects/[^/]+/locations/[^/]+/jobs/[^/:]+):run");
  // The Knative-style v1 form that many Terraform samples use for a Scheduler trigger.
  private static final Pattern RUN_JOB_URI_V1 =
      Pattern.compile("https://([a-z0-9-]+)-run\\.googleapis\\.com/apis/run\\.googleapis\\.com/v1/namespaces/([^/]+)/jobs/([^/:]+):run");

  /**
   * The outcome of one call, in HTTP terms.
   *
   * @param httpStatus HTTP status of the response
   * @param message error message, empty on success
   */
  public record Result(int httpStatus, String message) {

    /** Returns the status code Google services record for this HTTP status. */
    public Code code() {
      return codeOf(httpStatus);
    }
  }

  /** Maps an HTTP status to the status code Cloud Scheduler and Cloud Tasks record for it. */
  public static Code codeOf(int httpStatus) {
    if (httpStatus >= 200 && httpStatus < 300) {
      return Code.OK;
    }
    return switch (httpStatus) {
      case 400 -> Code.INVALID_ARGUMENT;
      case 401 -> Code.UNAUTHENTICATED;
      case 403 -> Code.PERMISSION_DENIED;
      case 404 -> Code.NOT_FOUND;
      case 409 -> Code.ABORTED;
      case 429 -> Code.RESOURCE_EXHAUSTED;
      case 500 -> Code.INTERNAL;
      case 501 -> Code.UNIMPLEMENTED;
      case 503 -> Code.UNAVAILABLE;
      case 504 -> Code.DEADLINE_EXCEEDED;
      default -> Code.UNKNOWN;
    };
  }

  private final RunContext run;
  private final ExecutionRunner runner;
  private final ServiceUrlServer urls;

  RunInvoker(RunContext run, ExecutionRunner runner, ServiceUrlServer urls) {
    this.run = run;
    this.runner = runner;
    this.urls = urls;
  }

  /**
   * Returns the job name when the URI is the {@code :run} method of the Cloud Run Admin API,
   * v2 ({@code run.googleapis.com/v2/projects/P/locations/L/jobs/J:run}) or v1
   * ({@code L-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/P/jobs/J:run}).
   */
  public static Optional<String> runJobTarget(String uri) {
    Matcher v2 = RUN_JOB_URI.matcher(uri);
    if (v2.matches()) {
      return Optional.of(v2.group(1));
    }
    Matcher v1 = RUN_JOB_URI_V1.matcher(uri);
    if (v1.matches()) {
      return Optional.of("projects/" + v1.group(2) + "/locations/" + v1.group(1) + "/jobs/" + v1.group(3));
    }
    return Optional.empty();
  }

  /**
   * Runs a job as the service account whose OAuth token the call carries; the account needs
   * {@code run.jobs.run} on the job or on the project, as {@code roles/run.invoker} grants.
   */
  public Result runJob(String requestedName, String serviceAccountEmail) {
    String jobName = canonical(requestedName);
    String member = "serviceAccount:" + serviceAccountEmail;
    Optional<Job> job = run.world.read(() -> Optional.ofNullable(run.store.jobs.get(jobName)));
    boolean allowed = run.world.read(() -> Permissions.granted(member, "run.jobs.run", run.store.policies.get(jobName))
        || run.world.projectGrants(member, "run.jobs.run"));
    if (!allowed) {
      return new Result(403, "Permission 'run.jobs.run' denied on resource '" + jobName + "' (or resource may not exist).");
    }
    if (job.isEmpty()) {
      return new Result(404, "Resource '" + RunNames.lastSegment(jobName) + "' of kind 'JOB' does not exist.");
    }
    try {
      runner.runJob(RunJobRequest.newBuilder().setName(jobName).build(), serviceAccountEmail);
      return new Result(200, "");
    } catch (StatusRuntimeException e) {
      return new Result(e.getStatus().getCode() == io.grpc.Status.Code.FAILED_PRECONDITION ? 400 : 500, e.getStatus().getDescription());
    }
  }

  // A v1 namespace may be the project number; jobs are stored under the project id.
  private String canonical(String jobName) {
    String[] parts = jobName.split("/", 3);
    if (parts.length == 3 && parts[1].equals(Long.toString(run.world.projectNumber()))) {
      return "projects/" + run.world.projectId() + "/" + parts[2];
    }
    return jobName;
  }

  /** Returns whether the URI is a service URL of this emulator. */
  public boolean isServiceUrl(String uri) {
    return uri.startsWith(urls.baseUrl() + ServiceUrlServer.PATH_PREFIX);
  }

  /**
   * Sends a request to a service URL; an OIDC token counts as a bearer token.
   *
   * @param userAgent the User-Agent the calling Google service sends
   */
  public Result callServiceUrl(String method, String uri, boolean withToken, String userAgent) {
    String path = uri.substring(urls.baseUrl().length());
    int query = path.indexOf('?');
    ServiceUrlServer.Reply reply =
        urls.serve(method, query < 0 ? path : path.substring(0, query), withToken ? "Bearer emulated-oidc-token" : null, userAgent, "127.0.0.1");
    return new Result(reply.status(), reply.status() < 400 ? "" : "HTTP " + reply.status() + " from " + uri);
  }
}
