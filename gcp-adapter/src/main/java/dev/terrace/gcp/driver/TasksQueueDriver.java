package dev.terrace.gcp.driver;

import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.CreateQueueRequest;
import com.google.cloud.tasks.v2.DeleteQueueRequest;
import com.google.cloud.tasks.v2.GetQueueRequest;
import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.RateLimits;
import com.google.cloud.tasks.v2.RetryConfig;
import com.google.cloud.tasks.v2.UpdateQueueRequest;
import com.google.protobuf.Duration;
import com.google.protobuf.FieldMask;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.Observed;
import dev.terrace.core.spec.QueueRetry;
import dev.terrace.core.spec.TasksQueueSpec;
import java.util.Map;
import java.util.Optional;

/**
 * Cloud Tasks queues. Cloud Tasks fills every retry and rate setting the request leaves out, so a
 * read reports only the settings the spec sets.
 */
final class TasksQueueDriver implements Driver<TasksQueueSpec> {

    private final DriverContext context;

    TasksQueueDriver(DriverContext context) {
        this.context = context;
    }

    @Override
    public Optional<Observed<TasksQueueSpec>> read(TasksQueueSpec spec) {
        CloudTasksClient client = context.clients().tasks();
        return Calls.find("read queue " + spec.name(), () -> client.getQueue(GetQueueRequest.newBuilder()
                .setName(name(spec)).build())).map(queue -> observed(spec, queue));
    }

    @Override
    public Observed<TasksQueueSpec> create(TasksQueueSpec spec) {
        CloudTasksClient client = context.clients().tasks();
        Queue created = Calls.call("create queue " + spec.name(), () -> client.createQueue(CreateQueueRequest
                .newBuilder()
                .setParent("projects/" + context.project() + "/locations/" + spec.location())
                .setQueue(queue(spec))
                .build()));
        return observed(spec, created);
    }

    @Override
    public Observed<TasksQueueSpec> update(TasksQueueSpec desired, Observed<TasksQueueSpec> current) {
        CloudTasksClient client = context.clients().tasks();
        FieldMask.Builder mask = FieldMask.newBuilder();
        if (desired.retry() != null) {
            mask.addPaths("retry_config");
        }
        if (desired.maxDispatchesPerSecond() != null) {
            mask.addPaths("rate_limits.max_dispatches_per_second");
        }
        if (desired.maxConcurrentDispatches() != null) {
            mask.addPaths("rate_limits.max_concurrent_dispatches");
        }
        Queue updated = Calls.call("update queue " + desired.name(), () -> client.updateQueue(UpdateQueueRequest
                .newBuilder().setQueue(queue(desired)).setUpdateMask(mask).build()));
        return observed(desired, updated);
    }

    @Override
    public void delete(TasksQueueSpec spec) {
        CloudTasksClient client = context.clients().tasks();
        Calls.run("delete queue " + spec.name(), () -> client.deleteQueue(DeleteQueueRequest.newBuilder()
                .setName(name(spec)).build()));
    }

    private Queue queue(TasksQueueSpec spec) {
        Queue.Builder queue = Queue.newBuilder().setName(name(spec));
        QueueRetry retry = spec.retry();
        if (retry != null) {
            RetryConfig.Builder config = RetryConfig.newBuilder();
            if (retry.maxAttempts() != null) {
                config.setMaxAttempts(retry.maxAttempts());
            }
            if (retry.minBackoffSeconds() != null) {
                config.setMinBackoff(seconds(retry.minBackoffSeconds()));
            }
            if (retry.maxBackoffSeconds() != null) {
                config.setMaxBackoff(seconds(retry.maxBackoffSeconds()));
            }
            if (retry.maxRetryDurationSeconds() != null) {
                config.setMaxRetryDuration(seconds(retry.maxRetryDurationSeconds()));
            }
            queue.setRetryConfig(config);
        }
        if (spec.maxDispatchesPerSecond() != null || spec.maxConcurrentDispatches() != null) {
            RateLimits.Builder limits = RateLimits.newBuilder();
            if (spec.maxDispatchesPerSecond() != null) {
                limits.setMaxDispatchesPerSecond(spec.maxDispatchesPerSecond());
            }
            if (spec.maxConcurrentDispatches() != null) {
                limits.setMaxConcurrentDispatches(spec.maxConcurrentDispatches());
            }
            queue.setRateLimits(limits);
        }
        return queue.build();
    }

    private String name(TasksQueueSpec spec) {
        return "projects/" + context.project() + "/locations/" + spec.location() + "/queues/" + spec.name();
    }

    private static Duration seconds(int seconds) {
        return Duration.newBuilder().setSeconds(seconds).build();
    }

    private static Observed<TasksQueueSpec> observed(TasksQueueSpec spec, Queue queue) {
        QueueRetry requested = spec.retry();
        QueueRetry retry = null;
        if (requested != null) {
            RetryConfig config = queue.getRetryConfig();
            retry = new QueueRetry(
                    requested.minBackoffSeconds() == null ? null : (int) config.getMinBackoff().getSeconds(),
                    requested.maxBackoffSeconds() == null ? null : (int) config.getMaxBackoff().getSeconds(),
                    requested.maxAttempts() == null ? null : config.getMaxAttempts(),
                    requested.maxRetryDurationSeconds() == null ? null : (int) config.getMaxRetryDuration().getSeconds());
        }
        TasksQueueSpec read = new TasksQueueSpec(spec.name(), spec.location(), retry,
                spec.maxDispatchesPerSecond() == null ? null : queue.getRateLimits().getMaxDispatchesPerSecond(),
                spec.maxConcurrentDispatches() == null ? null : queue.getRateLimits().getMaxConcurrentDispatches());
        return new Observed<>(read, Map.of("state", queue.getState().name()));
    }
}
