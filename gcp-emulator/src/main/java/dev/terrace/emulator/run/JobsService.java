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
import io.grpc.stub.StreamObserver;
import java.util.List;

/** The {@code google.cloud.run.v2.Jobs} gRPC service. */
final class JobsService extends JobsGrpc.JobsImplBase {

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
    Replies.send(response, deployer.create(request));
  }

  @Override
  public void getJob(GetJobRequest request, StreamObserver<Job> response) {
    String name = RunNames.parse(request.getName(), "jobs").name();
    Job job = run.world.read(() -> run.store.jobs.get(name));
    if (job == null) {
      throw ServiceDeployer.notFound(name);
    }
    Replies.send(response, job);
  }

  @Override
  public void listJobs(ListJobsRequest request, StreamObserver<ListJobsResponse> response) {
    RunNames.requireParent(request.getParent());
    List<Job> jobs = run.world.read(() -> RunStore.childrenOf(run.store.jobs, request.getParent() + "/jobs"));
    Paging.Page<Job> page = Paging.page(jobs, request.getPageSize(), request.getPageToken());
    Replies.send(response, ListJobsResponse.newBuilder().addAllJobs(page.items()).setNextPageToken(page.nextPageToken()).build());
  }

  @Override
  public void updateJob(UpdateJobRequest request, StreamObserver<Operation> response) {
    Replies.send(response, deployer.update(request));
  }

  @Override
  public void deleteJob(DeleteJobRequest request, StreamObserver<Operation> response) {
    Replies.send(response, deployer.delete(request));
  }

  @Override
  public void runJob(RunJobRequest request, StreamObserver<Operation> response) {
    Replies.send(response, runner.runJob(request));
  }

  @Override
  public void getIamPolicy(GetIamPolicyRequest request, StreamObserver<Policy> response) {
    Replies.send(response, iam.get(request, "jobs"));
  }

  @Override
  public void setIamPolicy(SetIamPolicyRequest request, StreamObserver<Policy> response) {
    Replies.send(response, iam.set(request, "jobs"));
  }

  @Override
  public void testIamPermissions(TestIamPermissionsRequest request, StreamObserver<TestIamPermissionsResponse> response) {
    Replies.send(response, iam.test(request, "jobs"));
  }
}
