package dev.terrace.emulator.run;

import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.ContainerPort;
import com.google.cloud.run.v2.CreateJobRequest;
import com.google.cloud.run.v2.CreateServiceRequest;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.EnvVarSource;
import com.google.cloud.run.v2.ExecutionTemplate;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.JobsClient;
import com.google.cloud.run.v2.ResourceRequirements;
import com.google.cloud.run.v2.RevisionScaling;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.SecretKeySelector;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.TaskTemplate;
import com.google.cloud.scheduler.v1.CloudSchedulerClient;
import com.google.cloud.scheduler.v1.HttpMethod;
import com.google.cloud.scheduler.v1.HttpTarget;
import com.google.cloud.scheduler.v1.OAuthToken;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.RetryConfig;
import com.google.iam.v1.Binding;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.protobuf.Duration;
import dev.terrace.emulator.Emulator;
import java.util.List;

/**
 * Creates the guide's Cloud Run, Cloud Tasks and Cloud Scheduler resources through the official
 * clients, on top of the registry, accounts and secrets the rest of the stack provides:
 * service {@code mycoolproject}, jobs {@code mycoolproject-worker}, {@code migrate} and
 * {@code collectstatic} (migrate run once), queue {@code mycoolproject-default} and the
 * every-minute trigger {@code mycoolproject-worker-trigger}.
 */
public final class GuideStackPartTwo {

  public static final String APP = "mycoolproject";
  public static final String RUN_ACCOUNT = APP + "-run@sandbox-project.iam.gserviceaccount.com";
  public static final String WORKER_ACCOUNT = APP + "-worker@sandbox-project.iam.gserviceaccount.com";
  public static final String SCHEDULER_ACCOUNT = APP + "-scheduler@sandbox-project.iam.gserviceaccount.com";
  public static final String WORKER_JOB = Sandbox.PARENT + "/jobs/" + APP + "-worker";

  private GuideStackPartTwo() {
  }

  public static void create(Emulator emulator) throws Exception {
    Sandbox sandbox = Sandbox.over(emulator);
    try (ServicesClient services = sandbox.services();
        JobsClient jobs = sandbox.jobs();
        CloudTasksClient tasks = sandbox.tasks();
        CloudSchedulerClient scheduler = sandbox.scheduler()) {
      Service web = services.createServiceAsync(
          CreateServiceRequest.newBuilder().setParent(Sandbox.PARENT).setServiceId(APP).setService(webService()).build()).get();
      grant(services.getIamPolicy(request(web.getName())), "roles/run.invoker", "allUsers",
          policy -> services.setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(web.getName()).setPolicy(policy).build()));

      for (String id : List.of(APP + "-worker", "migrate", "collectstatic")) {
        jobs.createJobAsync(CreateJobRequest.newBuilder().setParent(Sandbox.PARENT).setJobId(id).setJob(job(id)).build()).get();
      }
      grant(jobs.getIamPolicy(request(WORKER_JOB)), "roles/run.invoker", "serviceAccount:" + SCHEDULER_ACCOUNT,
          policy -> jobs.setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(WORKER_JOB).setPolicy(policy).build()));
      jobs.runJobAsync(Sandbox.PARENT + "/jobs/migrate").get();

      tasks.createQueue(Sandbox.PARENT, Queue.newBuilder()
          .setName(Sandbox.PARENT + "/queues/" + APP + "-default")
          .setRetryConfig(RetryConfig.newBuilder()
              .setMinBackoff(seconds(10))
              .setMaxBackoff(seconds(600))
              .setMaxAttempts(5)
              .setMaxRetryDuration(seconds(600)))
          .build());

      scheduler.createJob(Sandbox.PARENT, com.google.cloud.scheduler.v1.Job.newBuilder()
          .setName(Sandbox.PARENT + "/jobs/" + APP + "-worker-trigger")
          .setSchedule("* * * * *")
          .setTimeZone("UTC")
          .setHttpTarget(HttpTarget.newBuilder()
              .setUri("https://run.googleapis.com/v2/" + WORKER_JOB + ":run")
              .setHttpMethod(HttpMethod.POST)
              .setOauthToken(OAuthToken.newBuilder().setServiceAccountEmail(SCHEDULER_ACCOUNT).setScope("https://www.googleapis.com/auth/cloud-platform")))
          .setRetryConfig(com.google.cloud.scheduler.v1.RetryConfig.newBuilder()
              .setRetryCount(3)
              .setMinBackoffDuration(seconds(10))
              .setMaxBackoffDuration(seconds(60)))
          .build());
    }
  }

  private static Service webService() {
    Container container =
        Container.newBuilder()
            .setImage(Sandbox.IMAGE)
            .addPorts(ContainerPort.newBuilder().setContainerPort(8080))
            .setResources(ResourceRequirements.newBuilder().putLimits("cpu", "1").putLimits("memory", "512Mi"))
            .addEnv(EnvVar.newBuilder().setName("DJANGO_SETTINGS_MODULE").setValue("core.settings.prod"))
            .addEnv(EnvVar.newBuilder().setName("PYTHONUNBUFFERED").setValue("1"))
            .addEnv(EnvVar.newBuilder().setName("ALLOWED_HOSTS").setValue("mycoolproject.com,www.mycoolproject.com"))
            .addEnv(secretEnv("DATABASE_URL", "DATABASE_URL"))
            .addEnv(secretEnv("SECRET_KEY", "DJANGO_SECRET_KEY"))
            .build();
    return Service.newBuilder()
        .putLabels("managed-by", "terrace")
        .setTemplate(RevisionTemplate.newBuilder()
            .setServiceAccount(RUN_ACCOUNT)
            .setScaling(RevisionScaling.newBuilder().setMinInstanceCount(0).setMaxInstanceCount(5))
            .setTimeout(seconds(60))
            .addContainers(container))
        .build();
  }

  private static Job job(String id) {
    Container.Builder container = Container.newBuilder().setImage(Sandbox.IMAGE).addCommand("uv").addArgs("run");
    container.addArgs(id.equals(APP + "-worker") ? "worker" : id);
    container.setResources(ResourceRequirements.newBuilder().putLimits("cpu", "1").putLimits("memory", "512Mi"));
    container.addEnv(secretEnv("DATABASE_URL", "DATABASE_URL")).addEnv(secretEnv("SECRET_KEY", "DJANGO_SECRET_KEY"));
    return Job.newBuilder()
        .setTemplate(ExecutionTemplate.newBuilder()
            .setTemplate(TaskTemplate.newBuilder().setServiceAccount(WORKER_ACCOUNT).setTimeout(seconds(3600)).addContainers(container)))
        .build();
  }

  private static EnvVar secretEnv(String name, String secret) {
    return EnvVar.newBuilder()
        .setName(name)
        .setValueSource(EnvVarSource.newBuilder().setSecretKeyRef(SecretKeySelector.newBuilder().setSecret(secret).setVersion("latest")))
        .build();
  }

  private static void grant(Policy current, String role, String member, java.util.function.Consumer<Policy> write) {
    write.accept(current.toBuilder().addBindings(Binding.newBuilder().setRole(role).addMembers(member)).build());
  }

  private static GetIamPolicyRequest request(String resource) {
    return GetIamPolicyRequest.newBuilder().setResource(resource).build();
  }

  private static Duration seconds(long value) {
    return Duration.newBuilder().setSeconds(value).build();
  }
}
