/**
 * Cloud Run Admin v2: services, revisions, jobs, executions and their tasks, served on the
 * emulator's gRPC endpoint, with their long-running operations in the shared registry.
 *
 * <p>Each service's {@code uri} is {@code http://127.0.0.1:PORT/s/LOCATION/SERVICE} on the
 * service URL server, whose base {@code Endpoints.all()} lists as {@value
 * dev.terrace.emulator.run.RunModule#SERVICE_URLS_ENDPOINT}. A traffic tag's URL is
 * {@code http://127.0.0.1:PORT/s/LOCATION/TAG---SERVICE}. A job execution's tasks exit with
 * the integer in the container env var {@value dev.terrace.emulator.run.RunSettings#EXIT_CODE_ENV}
 * (set it on the job or in the run's overrides), so any non-zero value makes the execution fail.
 */
package dev.terrace.emulator.run;
