package dev.terrace.emulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.JobsClient;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.scheduler.v1.CloudSchedulerClient;
import com.google.cloud.tasks.v2.CloudTasksClient;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.emulator.support.GuideStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole guide stack: created through the official clients, kept across a restart, small. */
class GuideStackTest {

  private static final long MAX_HEAP_BYTES = 256L * 1024 * 1024;

  @TempDir
  Path dataDir;

  @Test
  void wholeStackSurvivesRestartAndStaysSmall() throws Exception {
    EmulatorConfig config = EmulatorConfig.builder().dataDir(dataDir).runRolloutDelay(Duration.ofMillis(100)).jobExecutionDelay(Duration.ofMillis(100)).build();
    try (Emulator emulator = Emulator.start(config)) {
      GuideStack.createPartOne(emulator);
      GuideStackPartTwo.create(emulator);
    }

    long started = System.nanoTime();
    try (Emulator emulator = Emulator.start(config)) {
      Duration startTime = Duration.ofNanos(System.nanoTime() - started);
      Sandbox sandbox = Sandbox.over(emulator);
      try (ServicesClient services = sandbox.services();
          JobsClient jobs = sandbox.jobs();
          CloudTasksClient tasks = sandbox.tasks();
          CloudSchedulerClient scheduler = sandbox.scheduler()) {
        Service web = services.getService(Sandbox.PARENT + "/services/" + GuideStackPartTwo.APP);
        HttpResponse<String> health =
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(web.getUri() + "/health/")).build(), HttpResponse.BodyHandlers.ofString());
        System.gc();
        long usedHeap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();

        assertThat(startTime).isLessThan(Duration.ofSeconds(2));
        assertThat(web.getTerminalCondition().getState()).isEqualTo(Condition.State.CONDITION_SUCCEEDED);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\": \"ok\"}");
        assertThat(jobs.getJob(Sandbox.PARENT + "/jobs/migrate").getExecutionCount()).isEqualTo(1);
        assertThat(jobs.listJobs(Sandbox.PARENT).iterateAll()).hasSize(3);
        assertThat(tasks.getQueue(Sandbox.PARENT + "/queues/mycoolproject-default").getRetryConfig().getMaxAttempts()).isEqualTo(5);
        assertThat(scheduler.getJob(Sandbox.PARENT + "/jobs/mycoolproject-worker-trigger").getSchedule()).isEqualTo("* * * * *");
        // The whole test JVM (clients included) stays under the emulator's heap budget.
        assertThat(usedHeap).isLessThan(MAX_HEAP_BYTES);
      }
    }
  }
}
