package dev.terrace.core.spec;

import java.util.Map;

/**
 * A Cloud Scheduler job with an HTTP target.
 *
 * @param schedule a unix-cron expression
 * @param timeZone an IANA time zone such as {@code UTC}
 */
public record SchedulerJobSpec(
        String name,
        String location,
        String description,
        String schedule,
        String timeZone,
        String uri,
        String httpMethod,
        Map<String, String> headers,
        String body,
        SchedulerToken token,
        SchedulerRetry retry,
        Boolean paused) implements Spec {

    public SchedulerJobSpec {
        timeZone = timeZone == null ? "UTC" : timeZone;
        httpMethod = httpMethod == null ? "POST" : httpMethod;
        headers = Specs.sorted(headers);
        paused = paused != null && paused;
    }

    @Override
    public String identity() {
        return location + "/" + name;
    }
}
