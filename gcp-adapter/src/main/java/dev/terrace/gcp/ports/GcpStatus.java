package dev.terrace.gcp.ports;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.ExecutionReference;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.run.v2.TrafficTargetStatus;
import com.google.cloud.scheduler.v1.Job.State;
import com.google.cloud.tasks.v2.Queue;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.core.port.ResourceStatus.Health;
import dev.terrace.core.port.StatusSource;
import dev.terrace.core.spec.RunJobSpec;
import dev.terrace.core.spec.RunServiceSpec;
import dev.terrace.core.spec.SchedulerJobSpec;
import dev.terrace.core.spec.Spec;
import dev.terrace.core.spec.TasksQueueSpec;
import dev.terrace.gcp.connection.ClientFactory;
import dev.terrace.gcp.error.ErrorTranslator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Live status: a service's URL, ready revision and traffic, a job's last execution, whether a
 * queue runs, a Scheduler job's state, schedule and next run. Other kinds are READY when they exist.
 */
public final class GcpStatus implements StatusSource {

    private final ClientFactory clients;
    private final Gateway gateway;

    public GcpStatus(ClientFactory clients, Gateway gateway) {
        this.clients = clients;
        this.gateway = gateway;
    }

    @Override
    public ResourceStatus status(Spec spec) {
        try {
            if (spec instanceof RunServiceSpec service) {
                return service(service);
            }
            if (spec instanceof RunJobSpec job) {
                return job(job);
            }
            if (spec instanceof TasksQueueSpec queue) {
                return queue(queue);
            }
            if (spec instanceof SchedulerJobSpec job) {
                return scheduler(job);
            }
            return exists(spec);
        } catch (CloudException failed) {
            if (failed.category() == ErrorCategory.NOT_FOUND) {
                return new ResourceStatus(Health.MISSING, spec.identity() + " does not exist", Map.of());
            }
            throw failed;
        }
    }

    private ResourceStatus service(RunServiceSpec spec) {
        String name = location(spec.location()) + "/services/" + spec.name();
        Service service = ErrorTranslator.call("read the status of Cloud Run service " + spec.name(),
                () -> clients.runServices().getService(name));
        Map<String, String> details = new TreeMap<>();
        details.put("uri", service.getUri());
        details.put("ready_revision", service.getLatestReadyRevision());
        if (service.getTrafficStatusesCount() > 0) {
            details.put("traffic", traffic(service));
        }
        Condition terminal = service.getTerminalCondition();
        Health health = service.getReconciling() ? Health.RECONCILING : health(terminal);
        return new ResourceStatus(health, summary(terminal, service.getUri()), details);
    }

    /** Describes where requests go, such as {@code 100% web-00002 (latest)}, one target after another. */
    private static String traffic(Service service) {
        List<String> targets = new ArrayList<>();
        for (TrafficTargetStatus target : service.getTrafficStatusesList()) {
            boolean latest = target.getType() == TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST;
            String revision = target.getRevision().substring(target.getRevision().lastIndexOf('/') + 1);
            String tag = target.getTag().isEmpty() ? "" : " tag " + target.getTag();
            targets.add(target.getPercent() + "% " + revision + (latest ? " (latest)" : "") + tag);
        }
        return String.join(", ", targets);
    }

    private ResourceStatus job(RunJobSpec spec) {
        String name = location(spec.location()) + "/jobs/" + spec.name();
        Job job = ErrorTranslator.call("read the status of Cloud Run job " + spec.name(), () -> clients.runJobs().getJob(name));
        Map<String, String> details = new TreeMap<>();
        ExecutionReference last = job.getLatestCreatedExecution();
        if (!last.getName().isEmpty()) {
            details.put("last_execution", last.getName());
            details.put("last_execution_status", last.getCompletionStatus().name());
        }
        Health health = job.getReconciling() ? Health.RECONCILING : health(job.getTerminalCondition());
        String summary = last.getName().isEmpty() ? "never run" : "last execution " + last.getName()
                .substring(last.getName().lastIndexOf('/') + 1) + " " + last.getCompletionStatus().name();
        return new ResourceStatus(health, summary, details);
    }

    private ResourceStatus queue(TasksQueueSpec spec) {
        String name = location(spec.location()) + "/queues/" + spec.name();
        Queue queue = ErrorTranslator.call("read the status of queue " + spec.name(), () -> clients.tasks().getQueue(name));
        Health health = switch (queue.getState()) {
            case RUNNING -> Health.READY;
            case PAUSED -> Health.PAUSED;
            case DISABLED -> Health.FAILED;
            default -> Health.UNKNOWN;
        };
        return new ResourceStatus(health, "queue " + queue.getState().name().toLowerCase(java.util.Locale.ROOT),
                Map.of("state", queue.getState().name()));
    }

    private ResourceStatus scheduler(SchedulerJobSpec spec) {
        String name = location(spec.location()) + "/jobs/" + spec.name();
        com.google.cloud.scheduler.v1.Job job = ErrorTranslator.call("read the status of Scheduler job " + spec.name(),
                () -> clients.scheduler().getJob(name));
        Health health = job.getState() == State.ENABLED ? Health.READY
                : job.getState() == State.PAUSED ? Health.PAUSED : Health.FAILED;
        Map<String, String> details = new TreeMap<>();
        details.put("state", job.getState().name());
        details.put("schedule", job.getSchedule() + " " + job.getTimeZone());
        if (job.hasScheduleTime()) {
            details.put("next_run", Instant.ofEpochSecond(job.getScheduleTime().getSeconds(),
                    job.getScheduleTime().getNanos()).toString());
        }
        if (job.hasLastAttemptTime()) {
            details.put("last_attempt_code", String.valueOf(job.getStatus().getCode()));
        }
        return new ResourceStatus(health, "schedule " + job.getSchedule() + " " + job.getTimeZone(), details);
    }

    private ResourceStatus exists(Spec spec) {
        Driver<Spec> driver = gateway.driver(ResourceKind.of(spec));
        return driver.read(spec).map(observed -> new ResourceStatus(Health.READY, "exists", observed.attributes()))
                .orElseGet(() -> new ResourceStatus(Health.MISSING, spec.identity() + " does not exist", Map.of()));
    }

    private static Health health(Condition terminal) {
        return switch (terminal.getState()) {
            case CONDITION_SUCCEEDED -> Health.READY;
            case CONDITION_FAILED -> Health.FAILED;
            case CONDITION_PENDING, CONDITION_RECONCILING -> Health.RECONCILING;
            default -> Health.UNKNOWN;
        };
    }

    private static String summary(Condition terminal, String uri) {
        if (terminal.getState() == Condition.State.CONDITION_SUCCEEDED) {
            return "ready at " + uri;
        }
        return terminal.getMessage().isEmpty() ? terminal.getState().name() : terminal.getMessage();
    }

    private String location(String location) {
        return "projects/" + gateway.project() + "/locations/" + location;
    }
}
