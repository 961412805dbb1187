package dev.terrace.emulator.scheduler;

import com.google.cloud.scheduler.v1.HttpTarget;
import com.google.cloud.scheduler.v1.Job;
import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.terrace.emulator.World;
import dev.terrace.emulator.run.RunInvoker;
import dev.terrace.emulator.run.RunModule;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Delivers one attempt of a job to its target inside the emulator; no request leaves the
 * process. Google API targets check the token type as Google's front end does: they need an
 * OAuth access token, and an OIDC (ID) token is rejected with 401.
 */
final class TargetDispatcher {

  /**
   * The outcome of one attempt.
   *
   * @param code status recorded on the job ({@code OK} on success)
   * @param httpStatus HTTP status the target returned, 0 when no request was made
   * @param message error message, empty on success
   */
  record Outcome(Code code, int httpStatus, String message, List<ErrorInfo> details) {
    Outcome(Code code, int httpStatus, String message) {
      this(code, httpStatus, message, List.of());
    }

    static Outcome fromHttp(int httpStatus, String message) {
      return new Outcome(RunInvoker.codeOf(httpStatus), httpStatus, message);
    }

    /** Returns the status recorded on the job: empty on success, else code, message and details. */
    Status toStatus() {
      if (code == Code.OK) {
        return Status.getDefaultInstance();
      }
      Status.Builder status = Status.newBuilder().setCode(code.getNumber()).setMessage(message);
      details.forEach(detail -> status.addDetails(Any.pack(detail)));
      return status.build();
    }
  }

  // The message Google APIs return for a request that carries an ID token instead of an access token.
  static final String ID_TOKEN_REJECTED =
      "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid"
          + " authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.";
  static final String CREDENTIALS_MISSING =
      "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other"
          + " valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.";

  private final World world;

  TargetDispatcher(World world) {
    this.world = world;
  }

  Outcome dispatch(Job job) {
    if (!job.hasHttpTarget()) {
      return new Outcome(Code.UNIMPLEMENTED, 0, "The emulator delivers HTTP targets only; " + job.getTargetCase() + " is not delivered.");
    }
    HttpTarget target = job.getHttpTarget();
    String host = Optional.ofNullable(URI.create(target.getUri()).getHost()).orElse("");
    if (host.equals("googleapis.com") || host.endsWith(".googleapis.com")) {
      return callGoogleApi(target);
    }
    RunInvoker run = RunModule.invoker(world);
    if (run.isServiceUrl(target.getUri())) {
      RunInvoker.Result result = run.callServiceUrl(target.getHttpMethod().name(), target.getUri(), target.hasOidcToken() || target.hasOauthToken(), "Google-Cloud-Scheduler");
      return Outcome.fromHttp(result.httpStatus(), result.message());
    }
    return new Outcome(Code.UNAVAILABLE, 0, "The emulator sends no requests outside the sandbox; " + target.getUri() + " was not called.");
  }

  private Outcome callGoogleApi(HttpTarget target) {
    if (target.hasOidcToken()) {
      // Google's front end names the wrong token type in ErrorInfo, as public 401 reports show.
      ErrorInfo reason =
          ErrorInfo.newBuilder()
              .setReason("ACCESS_TOKEN_TYPE_UNSUPPORTED")
              .setDomain("googleapis.com")
              .putMetadata("service", URI.create(target.getUri()).getHost())
              .build();
      return new Outcome(Code.UNAUTHENTICATED, 401, ID_TOKEN_REJECTED, List.of(reason));
    }
    if (!target.hasOauthToken()) {
      return Outcome.fromHttp(401, CREDENTIALS_MISSING);
    }
    Optional<String> jobName = RunInvoker.runJobTarget(target.getUri());
    if (jobName.isEmpty()) {
      return Outcome.fromHttp(404, "The emulator serves no Google API method at " + target.getUri() + ".");
    }
    RunInvoker.Result result = RunModule.invoker(world).runJob(jobName.get(), target.getOauthToken().getServiceAccountEmail());
    return Outcome.fromHttp(result.httpStatus(), result.message());
  }
}
