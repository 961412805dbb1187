package dev.terrace.emulator.run;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.longrunning.OperationTimedPollAlgorithm;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.run.v2.ExecutionsClient;
import com.google.cloud.run.v2.ExecutionsSettings;
import com.google.cloud.run.v2.JobsClient;
import com.google.cloud.run.v2.JobsSettings;
import com.google.cloud.run.v2.RevisionsClient;
import com.google.cloud.run.v2.RevisionsSettings;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.ServicesSettings;
import com.google.cloud.scheduler.v1.CloudSchedulerClient;
import com.google.cloud.scheduler.v1.CloudSchedulerSettings;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.CloudTasksSettings;
import com.google.devtools.artifactregistry.v1.Repository;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import com.google.protobuf.ByteString;
import dev.terrace.emulator.Apis;
import dev.terrace.emulator.Emulator;
import dev.terrace.emulator.EmulatorConfig;
import dev.terrace.emulator.World;
import dev.terrace.emulator.artifactregistry.ArtifactRegistryState;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;

/**
 * Starts an emulator for tests and builds the official clients against it: endpoint
 * {@code 127.0.0.1:PORT}, no credentials, plaintext, and operation polling every few tens of
 * milliseconds so the short emulated delays keep tests fast.
 */
public final class Sandbox implements AutoCloseable {

  public static final String PROJECT = "sandbox-project";
  public static final String REGION = "southamerica-east1";
  public static final String PARENT = "projects/" + PROJECT + "/locations/" + REGION;
  public static final String IMAGE = REGION + "-docker.pkg.dev/" + PROJECT + "/app-repo/app:latest";
  public static final String RUN_ACCOUNT = "app-run@" + PROJECT + ".iam.gserviceaccount.com";
  public static final String WORKER_ACCOUNT = "app-worker@" + PROJECT + ".iam.gserviceaccount.com";
  public static final String SCHEDULER_ACCOUNT = "app-scheduler@" + PROJECT + ".iam.gserviceaccount.com";

  public final Emulator emulator;

  private Sandbox(Emulator emulator) {
    this.emulator = emulator;
  }

  /** Returns the configuration tests start from: the stack's APIs on and short delays. */
  public static EmulatorConfig.Builder config() {
    return EmulatorConfig.builder()
        .projectId(PROJECT)
        .region(REGION)
        .runRolloutDelay(Duration.ofMillis(150))
        .jobExecutionDelay(Duration.ofMillis(150))
        .enabledServices(
            Set.of(Apis.SERVICE_USAGE, Apis.RUN, Apis.CLOUD_TASKS, Apis.CLOUD_SCHEDULER, Apis.ARTIFACT_REGISTRY,
                Apis.SECRET_MANAGER, Apis.IAM, Apis.LOGGING));
  }

  /** Wraps an emulator someone else started; do not close the result, since that stops it. */
  public static Sandbox over(Emulator emulator) {
    return new Sandbox(emulator);
  }

  public static Sandbox start(EmulatorConfig config) {
    return new Sandbox(Emulator.start(config));
  }

  /** Starts the default test configuration with the guide's registry, accounts and secrets. */
  public static Sandbox startSeeded() {
    Sandbox sandbox = start(config().build());
    sandbox.seed();
    return sandbox;
  }

  public World world() {
    return emulator.world();
  }

  /**
   * Creates repository {@code app-repo} with image {@code app:latest}, the accounts
   * {@code app-run}, {@code app-worker} and {@code app-scheduler}, secret {@code DATABASE_URL}
   * with an enabled version readable by both runtime accounts, and secret {@code EMPTY} with no
   * version.
   */
  public void seed() {
    World world = world();
    world.artifactRegistry().putRepository(
        Repository.newBuilder()
            .setName(ArtifactRegistryState.repositoryName(PROJECT, REGION, "app-repo"))
            .setFormat(Repository.Format.DOCKER)
            .build());
    emulator.publishImage("app-repo", "app", "latest");
    world.serviceAccounts().create("app-run", "Runtime", "");
    world.serviceAccounts().create("app-worker", "Worker", "");
    world.serviceAccounts().create("app-scheduler", "Scheduler", "");
    var databaseUrl = world.secrets().create("DATABASE_URL", Secret.newBuilder().setName(world.secrets().secretName("DATABASE_URL")).build());
    world.secrets().addVersion(
        databaseUrl,
        SecretVersion.newBuilder().setName(world.secrets().secretName("DATABASE_URL") + "/versions/1").setState(SecretVersion.State.ENABLED).build(),
        ByteString.copyFromUtf8("postgres://app:secret@db/app?sslmode=require"));
    world.secrets().create("EMPTY", Secret.newBuilder().setName(world.secrets().secretName("EMPTY")).build());
    grantOnProject("roles/secretmanager.secretAccessor", "serviceAccount:" + RUN_ACCOUNT, "serviceAccount:" + WORKER_ACCOUNT);
  }

  /** Adds a binding to the project's IAM policy. */
  public void grantOnProject(String role, String... members) {
    World world = world();
    Policy current = world.project().policy();
    Policy changed = current.toBuilder().addBindings(Binding.newBuilder().setRole(role).addAllMembers(java.util.List.of(members))).build();
    world.project().setPolicy(changed);
  }

  public String grpcTarget() {
    return emulator.endpoints().grpcTarget();
  }

  /** Returns {@code http://127.0.0.1:PORT} of the service URL server. */
  public String serviceUrlBase() {
    return emulator.endpoints().all().get(RunModule.SERVICE_URLS_ENDPOINT);
  }

  public ServicesClient services() {
    try {
      ServicesSettings.Builder settings = ServicesSettings.newBuilder().setCredentialsProvider(NoCredentialsProvider.create()).setTransportChannelProvider(channel());
      settings.createServiceOperationSettings().setPollingAlgorithm(fastPolling());
      settings.updateServiceOperationSettings().setPollingAlgorithm(fastPolling());
      settings.deleteServiceOperationSettings().setPollingAlgorithm(fastPolling());
      return ServicesClient.create(settings.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public RevisionsClient revisions() {
    try {
      RevisionsSettings.Builder settings = RevisionsSettings.newBuilder().setCredentialsProvider(NoCredentialsProvider.create()).setTransportChannelProvider(channel());
      settings.deleteRevisionOperationSettings().setPollingAlgorithm(fastPolling());
      return RevisionsClient.create(settings.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JobsClient jobs() {
    try {
      JobsSettings.Builder settings = JobsSettings.newBuilder().setCredentialsProvider(NoCredentialsProvider.create()).setTransportChannelProvider(channel());
      settings.createJobOperationSettings().setPollingAlgorithm(fastPolling());
      settings.updateJobOperationSettings().setPollingAlgorithm(fastPolling());
      settings.deleteJobOperationSettings().setPollingAlgorithm(fastPolling());
      settings.runJobOperationSettings().setPollingAlgorithm(fastPolling());
      return JobsClient.create(settings.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ExecutionsClient executions() {
    try {
      ExecutionsSettings.Builder settings = ExecutionsSettings.newBuilder().setCredentialsProvider(NoCredentialsProvider.create()).setTransportChannelProvider(channel());
      settings.cancelExecutionOperationSettings().setPollingAlgorithm(fastPolling());
      settings.deleteExecutionOperationSettings().setPollingAlgorithm(fastPolling());
      return ExecutionsClient.create(settings.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns a client of the Cloud Run Tasks service (the tasks of job executions). */
  public com.google.cloud.run.v2.TasksClient runTasks() {
    try {
      return com.google.cloud.run.v2.TasksClient.create(
          com.google.cloud.run.v2.TasksSettings.newBuilder().setCredentialsProvider(NoCredentialsProvider.create()).setTransportChannelProvider(channel()).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public CloudTasksClient tasks() {
    try {
      return CloudTasksClient.create(CloudTasksSettings.newBuilder().setCredentialsProvider(NoCredentialsProvider.create()).setTransportChannelProvider(channel()).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public CloudSchedulerClient scheduler() {
    try {
      return CloudSchedulerClient.create(CloudSchedulerSettings.newBuilder().setCredentialsProvider(NoCredentialsProvider.create()).setTransportChannelProvider(channel()).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private TransportChannelProvider channel() {
    return InstantiatingGrpcChannelProvider.newBuilder()
        .setEndpoint(grpcTarget())
        .setChannelConfigurator(ManagedChannelBuilder::usePlaintext)
        .build();
  }

  private static OperationTimedPollAlgorithm fastPolling() {
    return OperationTimedPollAlgorithm.create(
        RetrySettings.newBuilder()
            .setInitialRetryDelayDuration(Duration.ofMillis(20))
            .setRetryDelayMultiplier(1.5)
            .setMaxRetryDelayDuration(Duration.ofMillis(200))
            .setInitialRpcTimeoutDuration(Duration.ZERO)
            .setRpcTimeoutMultiplier(1.0)
            .setMaxRpcTimeoutDuration(Duration.ZERO)
            .setTotalTimeoutDuration(Duration.ofSeconds(20))
            .build());
  }

  @Override
  public void close() {
    emulator.close();
  }
}
