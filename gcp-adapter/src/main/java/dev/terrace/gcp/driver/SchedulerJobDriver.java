package dev.terrace.gcp.driver;

import com.google.cloud.scheduler.v1.CloudSchedulerClient;
import com.google.cloud.scheduler.v1.CreateJobRequest;
import com.google.cloud.scheduler.v1.DeleteJobRequest;
import com.google.cloud.scheduler.v1.GetJobRequest;
import com.google.cloud.scheduler.v1.HttpMethod;
import com.google.cloud.scheduler.v1.HttpTarget;
import com.google.cloud.scheduler.v1.Job;
import com.google.cloud.scheduler.v1.OAuthToken;
import com.google.cloud.scheduler.v1.OidcToken;
import com.google.cloud.scheduler.v1.PauseJobRequest;
import com.google.cloud.scheduler.v1.ResumeJobRequest;
import com.google.cloud.scheduler.v1.RetryConfig;
import com.google.cloud.scheduler.v1.UpdateJobRequest;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.Observed;
import dev.terrace.core.spec.SchedulerJobSpec;
import dev.terrace.core.spec.SchedulerRetry;
import dev.terrace.core.spec.SchedulerToken;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Cloud Scheduler jobs with an HTTP target; pausing is its own call, after the create or update. */
final class SchedulerJobDriver implements Driver<SchedulerJobSpec> {

    private final DriverContext context;

    SchedulerJobDriver(DriverContext context) {
        this.context = context;
    }

    @Override
    public Optional<Observed<SchedulerJobSpec>> read(SchedulerJobSpec spec) {
        CloudSchedulerClient client = context.clients().scheduler();
        return Calls.find("read Scheduler job " + spec.name(), () -> client.getJob(GetJobRequest.newBuilder()
                .setName(name(spec)).build())).map(job -> observed(spec, job));
    }

    @Override
    public Observed<SchedulerJobSpec> create(SchedulerJobSpec spec) {
        CloudSchedulerClient client = context.clients().scheduler();
        Job created = Calls.call("create Scheduler job " + spec.name(), () -> client.createJob(CreateJobRequest
                .newBuilder()
                .setParent("projects/" + context.project() + "/locations/" + spec.location())
                .setJob(job(spec))
                .build()));
        return observed(spec, setPaused(spec, created));
    }

    @Override
    public Observed<SchedulerJobSpec> update(SchedulerJobSpec desired, Observed<SchedulerJobSpec> current) {
        CloudSchedulerClient client = context.clients().scheduler();
        Job updated = Calls.call("update Scheduler job " + desired.name(), () -> client.updateJob(UpdateJobRequest
                .newBuilder().setJob(job(desired)).build()));
        return observed(desired, setPaused(desired, updated));
    }

    @Override
    public void delete(SchedulerJobSpec spec) {
        CloudSchedulerClient client = context.clients().scheduler();
        Calls.run("delete Scheduler job " + spec.name(), () -> client.deleteJob(DeleteJobRequest.newBuilder()
                .setName(name(spec)).build()));
    }

    /**
     * Pauses or resumes the job to match the spec. A retryable failure is retried here, because
     * raising it after the create would make the applier create the job a second time.
     */
    private Job setPaused(SchedulerJobSpec spec, Job job) {
        for (int attempt = 1; ; attempt++) {
            try {
                return changePausedState(spec, job);
            } catch (CloudException failed) {
                ResourcePolicy.retryOrThrow("change the state of Scheduler job " + spec.name(), attempt, failed);
            }
        }
    }

    private Job changePausedState(SchedulerJobSpec spec, Job job) {
        CloudSchedulerClient client = context.clients().scheduler();
        boolean paused = job.getState() == Job.State.PAUSED;
        if (spec.paused() && !paused) {
            return Calls.call("pause Scheduler job " + spec.name(), () -> client.pauseJob(
                    PauseJobRequest.newBuilder().setName(name(spec)).build()));
        }
        if (!spec.paused() && paused) {
            return Calls.call("resume Scheduler job " + spec.name(), () -> client.resumeJob(
                    ResumeJobRequest.newBuilder().setName(name(spec)).build()));
        }
        return job;
    }

    private Job job(SchedulerJobSpec spec) {
        HttpTarget.Builder target = HttpTarget.newBuilder()
                .setUri(spec.uri())
                .setHttpMethod(HttpMethod.valueOf(spec.httpMethod().toUpperCase(Locale.ROOT)))
                .putAllHeaders(spec.headers());
        if (spec.body() != null) {
            target.setBody(ByteString.copyFrom(spec.body(), StandardCharsets.UTF_8));
        }
        SchedulerToken token = spec.token();
        if (token != null && "oidc".equals(token.type())) {
            OidcToken.Builder oidc = OidcToken.newBuilder().setServiceAccountEmail(token.serviceAccount());
            if (token.audience() != null) {
                oidc.setAudience(token.audience());
            }
            target.setOidcToken(oidc);
        } else if (token != null) {
            OAuthToken.Builder oauth = OAuthToken.newBuilder().setServiceAccountEmail(token.serviceAccount());
            if (token.scope() != null) {
                oauth.setScope(token.scope());
            }
            target.setOauthToken(oauth);
        }
        Job.Builder job = Job.newBuilder()
                .setName(name(spec))
                .setSchedule(spec.schedule())
                .setTimeZone(spec.timeZone())
                .setHttpTarget(target);
        if (spec.description() != null) {
            job.setDescription(spec.description());
        }
        SchedulerRetry retry = spec.retry();
        if (retry != null) {
            RetryConfig.Builder config = RetryConfig.newBuilder();
            if (retry.retryCount() != null) {
                config.setRetryCount(retry.retryCount());
            }
            if (retry.minBackoffSeconds() != null) {
                config.setMinBackoffDuration(Duration.newBuilder().setSeconds(retry.minBackoffSeconds()));
            }
            if (retry.maxBackoffSeconds() != null) {
                config.setMaxBackoffDuration(Duration.newBuilder().setSeconds(retry.maxBackoffSeconds()));
            }
            job.setRetryConfig(config);
        }
        return job.build();
    }

    private String name(SchedulerJobSpec spec) {
        return "projects/" + context.project() + "/locations/" + spec.location() + "/jobs/" + spec.name();
    }

    private static Observed<SchedulerJobSpec> observed(SchedulerJobSpec spec, Job job) {
        HttpTarget target = job.getHttpTarget();
        // Cloud Scheduler adds a User-Agent header of its own; the user owns only the headers the spec names.
        Map<String, String> headers = new TreeMap<>(target.getHeadersMap());
        headers.keySet().removeIf(header -> header.equalsIgnoreCase("User-Agent")
                && spec.headers().keySet().stream().noneMatch(header::equalsIgnoreCase));

        SchedulerToken token = null;
        if (target.hasOidcToken()) {
            OidcToken oidc = target.getOidcToken();
            String requested = spec.token() == null ? null : spec.token().audience();
            token = new SchedulerToken("oidc", oidc.getServiceAccountEmail(), null,
                    requested == null && oidc.getAudience().equals(target.getUri()) ? null : emptyToNull(oidc.getAudience()));
        } else if (target.hasOauthToken()) {
            OAuthToken oauth = target.getOauthToken();
            String requested = spec.token() == null ? null : spec.token().scope();
            token = new SchedulerToken("oauth", oauth.getServiceAccountEmail(),
                    requested == null ? null : emptyToNull(oauth.getScope()), null);
        }

        SchedulerRetry requestedRetry = spec.retry();
        SchedulerRetry retry = null;
        if (requestedRetry != null) {
            RetryConfig config = job.getRetryConfig();
            retry = new SchedulerRetry(requestedRetry.retryCount() == null ? null : config.getRetryCount(),
                    requestedRetry.minBackoffSeconds() == null ? null : (int) config.getMinBackoffDuration().getSeconds(),
                    requestedRetry.maxBackoffSeconds() == null ? null : (int) config.getMaxBackoffDuration().getSeconds());
        }

        String body = target.getBody().isEmpty() ? null : target.getBody().toString(StandardCharsets.UTF_8);
        SchedulerJobSpec read = new SchedulerJobSpec(spec.name(), spec.location(), emptyToNull(job.getDescription()),
                job.getSchedule(), job.getTimeZone(), target.getUri(), target.getHttpMethod().name(), headers, body,
                token, retry, job.getState() == Job.State.PAUSED);
        return new Observed<>(read, Map.of("state", job.getState().name()));
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
