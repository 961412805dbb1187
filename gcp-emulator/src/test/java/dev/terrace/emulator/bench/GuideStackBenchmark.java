package dev.terrace.emulator.bench;

import com.google.api.gax.longrunning.OperationTimedPollAlgorithm;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.CreateJobRequest;
import com.google.cloud.run.v2.CreateServiceRequest;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.EnvVarSource;
import com.google.cloud.run.v2.ExecutionTemplate;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.JobsClient;
import com.google.cloud.run.v2.JobsSettings;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.SecretKeySelector;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.ServicesSettings;
import com.google.cloud.run.v2.TaskTemplate;
import com.google.cloud.scheduler.v1.CloudSchedulerClient;
import com.google.cloud.scheduler.v1.CloudSchedulerSettings;
import com.google.cloud.scheduler.v1.HttpMethod;
import com.google.cloud.scheduler.v1.HttpTarget;
import com.google.cloud.scheduler.v1.OAuthToken;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.CloudTasksSettings;
import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.RetryConfig;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.emulator.support.Clients;
import dev.terrace.emulator.support.GuideStack;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures how long an in-process emulator takes to start and how much heap it uses once the
 * guide's whole stack exists. Run it through {@code gcp-emulator/bench/run.sh}, which sets
 * {@code -Xmx256m}; it prints {@code name value} lines.
 */
public final class GuideStackBenchmark {
  private GuideStackBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Files.createTempDirectory("emulator-bench");
    long startNanos = System.nanoTime();
    Emulator emulator = Emulator.start(EmulatorConfig.builder().dataDir(dataDir).build());
    long startMillis = (System.nanoTime() - startNanos) / 1_000_000;
    // CPU time of the whole JVM so far (launch included): on a busy machine wall time overstates
    // the start, and CPU time bounds what an idle machine with the same cores would need.
    long startCpuMillis = processCpuMillis();

    GuideStack.createPartOne(emulator);
    createRunTasksScheduler(emulator);
    emulator.snapshot();

    System.gc();
    System.gc();
    long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long snapshotBytes = Files.size(dataDir.resolve("emulator-state.json"));
    emulator.close();

    System.out.println("start_ms " + startMillis);
    System.out.println("jvm_cpu_ms_at_ready " + startCpuMillis);
    System.out.println("load_average " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println("heap_used_mb_after_gc " + heapUsed / (1024 * 1024));
    System.out.println("heap_max_mb " + Runtime.getRuntime().maxMemory() / (1024 * 1024));
    System.out.println("snapshot_bytes " + snapshotBytes);
  }

  private static void createRunTasksScheduler(Emulator emulator) throws Exception {
    String image = "southamerica-east1-docker.pkg.dev/sandbox-project/app-repo/app:latest";
    ServicesSettings.Builder servicesSettings =
        ServicesSettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials());
    servicesSettings.createServiceOperationSettings().setPollingAlgorithm(fastPolling());
    try (ServicesClient services = ServicesClient.create(servicesSettings.build())) {
      Container container =
          Container.newBuilder()
              .setImage(image)
              .addEnv(EnvVar.newBuilder().setName("DJANGO_SETTINGS_MODULE").setValue("core.settings.prod"))
              .addEnv(secretEnv("DATABASE_URL", "DATABASE_URL"))
              .addEnv(secretEnv("SECRET_KEY", "DJANGO_SECRET_KEY"))
              .build();
      Service service =
          Service.newBuilder().setTemplate(RevisionTemplate.newBuilder().setServiceAccount(GuideStack.RUN_ACCOUNT).addContainers(container)).build();
      services.createServiceAsync(CreateServiceRequest.newBuilder().setParent(GuideStack.PARENT).setServiceId("mycoolproject").setService(service).build()).get();
    }

    JobsSettings.Builder jobsSettings =
        JobsSettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials());
    jobsSettings.createJobOperationSettings().setPollingAlgorithm(fastPolling());
    try (JobsClient jobs = JobsClient.create(jobsSettings.build())) {
      for (String jobId : new String[] {"mycoolproject-worker", "migrate", "collectstatic"}) {
        Container container = Container.newBuilder().setImage(image).addEnv(secretEnv("DATABASE_URL", "DATABASE_URL")).build();
        Job job =
            Job.newBuilder()
                .setTemplate(
                    ExecutionTemplate.newBuilder()
                        .setTemplate(TaskTemplate.newBuilder().setServiceAccount(GuideStack.WORKER_ACCOUNT).addContainers(container)))
                .build();
        jobs.createJobAsync(CreateJobRequest.newBuilder().setParent(GuideStack.PARENT).setJobId(jobId).setJob(job).build()).get();
      }
    }

    try (CloudTasksClient tasks =
        CloudTasksClient.create(CloudTasksSettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials()).build())) {
      tasks.createQueue(
          GuideStack.PARENT,
          Queue.newBuilder()
              .setName(GuideStack.PARENT + "/queues/mycoolproject-default")
              .setRetryConfig(
                  RetryConfig.newBuilder()
                      .setMaxAttempts(5)
                      .setMinBackoff(com.google.protobuf.Duration.newBuilder().setSeconds(10))
                      .setMaxBackoff(com.google.protobuf.Duration.newBuilder().setSeconds(600)))
              .build());
    }

    try (CloudSchedulerClient scheduler =
        CloudSchedulerClient.create(CloudSchedulerSettings.newBuilder().setTransportChannelProvider(Clients.channel(emulator)).setCredentialsProvider(Clients.noCredentials()).build())) {
      String runUri =
          "https://run.googleapis.com/v2/" + GuideStack.PARENT + "/jobs/mycoolproject-worker:run";
      scheduler.createJob(
          GuideStack.PARENT,
          com.google.cloud.scheduler.v1.Job.newBuilder()
              .setName(GuideStack.PARENT + "/jobs/mycoolproject-worker-trigger")
              .setSchedule("* * * * *")
              .setTimeZone("UTC")
              .setHttpTarget(
                  HttpTarget.newBuilder()
                      .setUri(runUri)
                      .setHttpMethod(HttpMethod.POST)
                      .setOauthToken(OAuthToken.newBuilder().setServiceAccountEmail(GuideStack.SCHEDULER_ACCOUNT)))
              .build());
    }
  }

  private static long processCpuMillis() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
      return hotspot.getProcessCpuTime() / 1_000_000;
    }
    return -1;
  }

  private static EnvVar secretEnv(String name, String secret) {
    return EnvVar.newBuilder()
        .setName(name)
        .setValueSource(EnvVarSource.newBuilder().setSecretKeyRef(SecretKeySelector.newBuilder().setSecret(secret).setVersion("latest")))
        .build();
  }

  private static OperationTimedPollAlgorithm fastPolling() {
    return OperationTimedPollAlgorithm.create(
        RetrySettings.newBuilder()
            .setInitialRetryDelay(org.threeten.bp.Duration.ofMillis(20))
            .setRetryDelayMultiplier(1.5)
            .setMaxRetryDelay(org.threeten.bp.Duration.ofMillis(200))
            .setInitialRpcTimeout(org.threeten.bp.Duration.ZERO)
            .setRpcTimeoutMultiplier(1.0)
            .setMaxRpcTimeout(org.threeten.bp.Duration.ZERO)
            .setTotalTimeout(org.threeten.bp.Duration.ofSeconds(30))
            .build());
  }
}
