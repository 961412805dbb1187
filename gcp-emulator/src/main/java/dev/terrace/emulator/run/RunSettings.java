package dev.terrace.emulator.run;

import java.time.Duration;

/**
 * Settings of the emulated Cloud Run.
 *
 * @param rolloutDelay emulated time a revision or job takes from created to Ready (or failed)
 * @param executionDelay emulated time a job execution's tasks run before they finish
 * @param serviceUrlPort port of the service URL server on 127.0.0.1, 0 for an ephemeral one
 */
public record RunSettings(Duration rolloutDelay, Duration executionDelay, int serviceUrlPort) {

  /** Name of the container env var whose integer value becomes every task's exit code. */
  public static final String EXIT_CODE_ENV = "TERRACE_EMULATOR_EXIT_CODE";

  public RunSettings {
    if (rolloutDelay == null || rolloutDelay.isNegative()) {
      throw new IllegalArgumentException("rolloutDelay must be zero or positive, got " + rolloutDelay);
    }
    if (executionDelay == null || executionDelay.isNegative()) {
      throw new IllegalArgumentException("executionDelay must be zero or positive, got " + executionDelay);
    }
    if (serviceUrlPort < 0 || serviceUrlPort > 65535) {
      throw new IllegalArgumentException("serviceUrlPort must be 0..65535, got " + serviceUrlPort);
    }
  }
}
