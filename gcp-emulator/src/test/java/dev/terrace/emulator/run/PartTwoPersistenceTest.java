package dev.terrace.emulator.run;

import static dev.terrace.emulator.run.Sandbox.IMAGE;
import static dev.terrace.emulator.run.Sandbox.PARENT;
import static dev.terrace.emulator.run.Sandbox.WORKER_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.gax.rpc.FailedPreconditionException;
import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.CreateJobRequest;
import com.google.cloud.run.v2.CreateServiceRequest;
import com.google.cloud.run.v2.ExecutionTemplate;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.JobsClient;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.TaskTemplate;
import com.google.cloud.scheduler.v1.CloudSchedulerClient;
import com.google.cloud.scheduler.v1.HttpTarget;
import com.google.cloud.scheduler.v1.OAuthToken;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.Queue;
import com.google.iam.v1.Binding;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cloud Run, Cloud Tasks and Cloud Scheduler state survives a stop and a start on the same data. */
class PartTwoPersistenceTest {

  @TempDir
  Path dataDir;

  @Test
  void restartKeepsRunTasksAndSchedulerState() throws Exception {
    String serviceUriBefore;
    try (Sandbox first = Sandbox.start(Sandbox.config().dataDir(dataDir).build());
        ServicesClient services = first.services();
        JobsClient jobs = first.jobs();
        CloudTasksClient tasks = first.tasks();
        CloudSchedulerClient scheduler = first.scheduler()) {
      first.seed();
      Service web = services.createServiceAsync(
          CreateServiceRequest.newBuilder().setParent(PARENT).setServiceId("web").setService(RunServicesTest.webService(IMAGE)).build()).get();
      Policy policy = services.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(web.getName()).build());
      services.setIamPolicy(SetIamPolicyRequest.newBuilder()
          .setResource(web.getName())
          .setPolicy(policy.toBuilder().addBindings(Binding.newBuilder().setRole("roles/run.invoker").addMembers("allUsers")))
          .build());
      jobs.createJobAsync(CreateJobRequest.newBuilder().setParent(PARENT).setJobId("migrate").setJob(
          Job.newBuilder().setTemplate(ExecutionTemplate.newBuilder().setTemplate(
              TaskTemplate.newBuilder().setServiceAccount(WORKER_ACCOUNT).addContainers(Container.newBuilder().setImage(IMAGE))))).build()).get();
      jobs.runJobAsync(PARENT + "/jobs/migrate").get();
      tasks.createQueue(PARENT, Queue.newBuilder().setName(PARENT + "/queues/app-default").build());
      tasks.createQueue(PARENT, Queue.newBuilder().setName(PARENT + "/queues/retired").build());
      tasks.deleteQueue(PARENT + "/queues/retired");
      scheduler.createJob(PARENT, com.google.cloud.scheduler.v1.Job.newBuilder()
          .setName(PARENT + "/jobs/app-worker-trigger")
          .setSchedule("0 4 * * *")
          .setHttpTarget(HttpTarget.newBuilder()
              .setUri("https://run.googleapis.com/v2/" + PARENT + "/jobs/migrate:run")
              .setOauthToken(OAuthToken.newBuilder().setServiceAccountEmail(Sandbox.SCHEDULER_ACCOUNT)))
          .build());
      serviceUriBefore = web.getUri();
    }

    try (Sandbox second = Sandbox.start(Sandbox.config().dataDir(dataDir).build());
        ServicesClient services = second.services();
        JobsClient jobs = second.jobs();
        CloudTasksClient tasks = second.tasks();
        CloudSchedulerClient scheduler = second.scheduler()) {
      Service web = services.getService(PARENT + "/services/web");
      Job migrate = jobs.getJob(PARENT + "/jobs/migrate");
      HttpResponse<String> health =
          HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(web.getUri() + "/health/")).build(), HttpResponse.BodyHandlers.ofString());
      FailedPreconditionException tombstone = catchThrowableOfType(FailedPreconditionException.class,
          () -> tasks.createQueue(PARENT, Queue.newBuilder().setName(PARENT + "/queues/retired").build()));

      assertThat(web.getTerminalCondition().getState()).isEqualTo(Condition.State.CONDITION_SUCCEEDED);
      assertThat(web.getUri()).startsWith(second.serviceUrlBase());
      assertThat(serviceUriBefore).endsWith("/s/" + Sandbox.REGION + "/web");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(migrate.getExecutionCount()).isEqualTo(1);
      assertThat(tasks.getQueue(PARENT + "/queues/app-default").getState()).isEqualTo(Queue.State.RUNNING);
      assertThat(tombstone).isNotNull();
      assertThat(scheduler.getJob(PARENT + "/jobs/app-worker-trigger").getSchedule()).isEqualTo("0 4 * * *");
    }
  }
}
