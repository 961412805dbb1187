package dev.terrace.gcp.driver;

import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.CreateJobRequest;
import com.google.cloud.run.v2.DeleteJobRequest;
import com.google.cloud.run.v2.ExecutionTemplate;
import com.google.cloud.run.v2.GetJobRequest;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.JobsClient;
import com.google.cloud.run.v2.TaskTemplate;
import com.google.cloud.run.v2.UpdateJobRequest;
import com.google.longrunning.Operation;
import com.google.protobuf.Duration;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.Observed;
import dev.terrace.core.spec.RunJobSpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Cloud Run jobs (Admin API v2) and their IAM; create, update and delete are long-running. */
final class RunJobDriver implements Driver<RunJobSpec> {

    private final DriverContext context;

    RunJobDriver(DriverContext context) {
        this.context = context;
    }

    @Override
    public Optional<Observed<RunJobSpec>> read(RunJobSpec spec) {
        JobsClient client = context.clients().runJobs();
        Optional<Job> job = Calls.find("read Cloud Run job " + spec.name(), () -> client.getJob(
                GetJobRequest.newBuilder().setName(name(spec)).build()));
        if (job.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> iam = RunIamPolicies.read("Cloud Run job " + spec.name(), name(spec),
                client.getIamPolicyCallable());
        return Optional.of(observed(spec, job.get(), iam));
    }

    @Override
    public Observed<RunJobSpec> create(RunJobSpec spec) {
        JobsClient client = context.clients().runJobs();
        String action = "create Cloud Run job " + spec.name();
        Operation started = Calls.call(action, () -> client.createJobCallable().call(CreateJobRequest.newBuilder()
                .setParent(parent(spec))
                .setJobId(spec.name())
                .setJob(job(spec))
                .build()));
        Job created = context.waiter().await(action, client.getOperationsClient(), started, Job.class);
        writeIam(spec, Set.of());
        return observed(spec, created, spec.iam());
    }

    @Override
    public Observed<RunJobSpec> update(RunJobSpec desired, Observed<RunJobSpec> current) {
        JobsClient client = context.clients().runJobs();
        String action = "update Cloud Run job " + desired.name();
        Job.Builder job = job(desired).toBuilder().setName(name(desired));
        job.getTemplateBuilder().putAllAnnotations(RunRedeploy.annotations(current, Clock.systemUTC()));
        Operation started = Calls.call(action, () -> client.updateJobCallable().call(UpdateJobRequest.newBuilder()
                .setJob(job)
                .build()));
        Job updated = context.waiter().await(action, client.getOperationsClient(), started, Job.class);
        writeIam(desired, current.spec().iam().keySet());
        return observed(desired, updated, desired.iam());
    }

    @Override
    public void delete(RunJobSpec spec) {
        JobsClient client = context.clients().runJobs();
        String action = "delete Cloud Run job " + spec.name();
        Operation started = Calls.call(action, () -> client.deleteJobCallable().call(
                DeleteJobRequest.newBuilder().setName(name(spec)).build()));
        context.waiter().await(action, client.getOperationsClient(), started, null);
    }

    @Override
    public Optional<Observed<RunJobSpec>> resume(String operationName, RunJobSpec spec) {
        JobsClient client = context.clients().runJobs();
        String action = "deploy Cloud Run job " + spec.name();
        Operation operation = context.waiter().lookUp(action, client.getOperationsClient(), operationName);
        context.waiter().await(action, client.getOperationsClient(), operation, null);
        // The earlier run stopped before the IAM write that follows the deploy, so make it now.
        writeIam(spec, Set.of());
        return read(spec);
    }

    private void writeIam(RunJobSpec spec, Set<String> previouslyOwned) {
        JobsClient client = context.clients().runJobs();
        RunIamPolicies.write("Cloud Run job " + spec.name(), name(spec), client.getIamPolicyCallable(),
                client.setIamPolicyCallable(), spec.iam(), previouslyOwned);
    }

    private static Job job(RunJobSpec spec) {
        Container.Builder container = RunContainers.container(spec.image(), spec.cpu(), spec.memory(), spec.env(),
                spec.secretEnv()).addAllCommand(spec.command()).addAllArgs(spec.args());
        TaskTemplate.Builder task = TaskTemplate.newBuilder()
                .addContainers(container)
                .setMaxRetries(spec.maxRetries())
                .setTimeout(Duration.newBuilder().setSeconds(spec.taskTimeoutSeconds()));
        if (spec.serviceAccount() != null) {
            task.setServiceAccount(spec.serviceAccount());
        }
        return Job.newBuilder()
                .putAllLabels(spec.labels())
                .setTemplate(ExecutionTemplate.newBuilder().setTaskCount(spec.taskCount()).setTemplate(task))
                .build();
    }

    private String parent(RunJobSpec spec) {
        return "projects/" + context.project() + "/locations/" + spec.location();
    }

    private String name(RunJobSpec spec) {
        return parent(spec) + "/jobs/" + spec.name();
    }

    private static Observed<RunJobSpec> observed(RunJobSpec spec, Job job, Map<String, List<String>> iam) {
        TaskTemplate task = job.getTemplate().getTemplate();
        Container container = task.getContainersCount() == 0 ? Container.getDefaultInstance() : task.getContainers(0);
        RunJobSpec read = new RunJobSpec(spec.name(), spec.location(), container.getImage(),
                // Without an account in the spec, Cloud Run's default account is not the user's choice.
                spec.serviceAccount() == null ? null : ServiceAccountDriver.emptyToNull(task.getServiceAccount()),
                container.getCommandList(), container.getArgsList(),
                RunContainers.cpu(container.getResources().getLimitsMap().get("cpu"), spec.cpu()),
                RunContainers.memory(container.getResources().getLimitsMap().get("memory"), spec.memory()),
                job.getTemplate().getTaskCount(), task.hasMaxRetries() ? task.getMaxRetries() : null,
                task.hasTimeout() ? (int) task.getTimeout().getSeconds() : null,
                RunContainers.plainEnv(container), RunContainers.secretEnv(container),
                RunContainers.userLabels(job.getLabelsMap()), iam);
        Map<String, String> attributes = new java.util.TreeMap<>();
        attributes.put("etag", job.getEtag());
        attributes.put("latest_execution", job.getLatestCreatedExecution().getName());
        RunRedeploy.addFailure(job.getTerminalCondition(), attributes);
        return new Observed<>(read, attributes);
    }
}
