package dev.terrace.core.spec;

/**
 * The credential Cloud Scheduler attaches to each call.
 *
 * @param type {@code oauth} for Google APIs ({@code *.googleapis.com}), {@code oidc} for a
 *     service URL
 * @param scope OAuth scope; defaults to cloud-platform when absent
 * @param audience OIDC audience; defaults to the target URI when absent
 */
public record SchedulerToken(String type, String serviceAccount, String scope, String audience) {
}
