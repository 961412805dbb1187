package dev.terrace.emulator.run;

import com.google.cloud.run.v2.CreateJobRequest;
import com.google.cloud.run.v2.DeleteJobRequest;
import com.google.cloud.run.v2.GetJobRequest;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.JobsGrpc;
import com.google.cloud.run.v2.ListJobsRequest;
import com.google.cloud.run.v2.ListJobsResponse;
import com.google.cloud.run.v2.RunJobRequest;
import com.google.cloud.run.v2.UpdateJobRequest;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.iam.v1.TestIamPermissionsResponse;
import com.google.longrunning.Operation;
import dev.terrace.emulator.Pages;
import dev.terrace.emulator.Rpc;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** The {@code google.cloud.run.v2.Jobs} gRPC service. */
final class JobsService extends JobsGrpc.JobsImplBase {

  // NOTE: Cloud Run does not document its page sizes; these are the emulator's choice.
  private static final int DEFAULT_PAGE_SIZE = 100;
  private static final int MAX_PAGE_SIZE = 1000;

  private final RunContext run;
  private final JobDeployer deployer;
  private final ExecutionRunner runner;
  private final RunIam iam;

  JobsService(RunContext run, JobDeployer deployer, ExecutionRunner runner) {
    this.run = run;
    this.deployer = deployer;
    this.runner = runner;
    this.iam = new RunIam(run);
  }

  @Override
  public void createJob(CreateJobRequest request, StreamObserver<Operation> response) {
    Rpc.respond(response, deployer.create(request));
  }

  @Override
  public void getJob(GetJobRequest request, StreamObserver<Job> response) {
    String name = RunNames.parse(request.getName(), "jobs").name();
    Job job = run.world.read(() -> run.store.jobs.get(name));
    if (job == null) {
      throw RunResources.notFound(name);
    }
    Rpc.respond(response, job);
  }

  @Override
  public void listJobs(ListJobsRequest request, StreamObserver<ListJobsResponse> response) {
    RunNames.requireParent(request.getParent());
    List<Job> jobs = run.world.read(() -> RunStore.childrenOf(run.store.jobs, request.getParent() + "/jobs"));
    Pages.Page<Job> page = Pages.page(jobs, request.getPageSize(), request.getPageToken(), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    Rpc.respond(response, ListJobsResponse.newBuilder().addAllJobs(page.items()).setNextPageToken(page.nextPageToken()).build());
  }

  @Override
  public void updateJob(UpdateJobRequest request, StreamObserver<Operation> response) {
    Rpc.respond(response, deployer.update(request));
  }

  @Override
  public void deleteJob(DeleteJobRequest request, StreamObserver<Operation> response) {
    Rpc.respond(response, deployer.delete(request));
  }

  @Override
  public void runJob(RunJobRequest request, StreamObserver<Operation> response) {
    Rpc.respond(response, runner.runJob(request));
  }

  @Override
  public void getIamPolicy(GetIamPolicyRequest request, StreamObserver<Policy> response) {
    Rpc.respond(response, iam.get(request, "jobs"));
  }

  @Override
  public void setIamPolicy(SetIamPolicyRequest request, StreamObserver<Policy> response) {
    Rpc.respond(response, iam.set(request, "jobs"));
  }

  @Override
  public void testIamPermissions(TestIamPermissionsRequest request, StreamObserver<TestIamPermissionsResponse> response) {
    Rpc.respond(response, iam.test(request, "jobs"));
  }
}
