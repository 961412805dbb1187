package dev.terrace.emulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunInvokerTest {

  @Test
  void runJobTargetReadsV2AndV1Uris() {
    String job = "projects/p/locations/southamerica-east1/jobs/app-worker";

    assertThat(RunInvoker.runJobTarget("https://run.googleapis.com/v2/" + job + ":run")).contains(job);
    assertThat(RunInvoker.runJobTarget(
        "https://southamerica-east1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/app-worker:run")).contains(job);
    assertThat(RunInvoker.runJobTarget("https://run.googleapis.com/v2/" + job)).isEmpty();
    assertThat(RunInvoker.runJobTarget("https://example.com/v2/" + job + ":run")).isEmpty();
  }
}
