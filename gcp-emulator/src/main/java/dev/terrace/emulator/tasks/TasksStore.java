package dev.terrace.emulator.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.tasks.v2.Attempt;
import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.RetryConfig;
import com.google.cloud.tasks.v2.Task;
import com.google.protobuf.FieldMask;
import com.google.protobuf.util.FieldMaskUtil;
import com.google.protobuf.util.Timestamps;
import com.google.rpc.Code;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.ProtoJson;
import dev.terrace.emulator.StateSection;
import dev.terrace.emulator.World;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Cloud Tasks state: queues with their tasks, and the names of recently deleted queues and
 * tasks, which Cloud Tasks keeps reserved for a while.
 */
final class TasksStore implements StateSection {

  static final String QUEUE_TOMBSTONE_MESSAGE =
      "The queue cannot be created because a queue with this name existed too recently.";
  static final String QUEUE_GONE_MESSAGE =
      "The queue no longer exists, though a queue with this name existed recently.";
  static final String TASK_TOMBSTONE_MESSAGE =
      "The task cannot be created because a task with this name existed too recently. For more"
          + " information about task de-duplication see"
          + " https://cloud.google.com/tasks/docs/reference/rest/v2/projects.locations.queues.tasks/create#body.request_body.FIELDS.task.";

  // Cloud Tasks reserves the name of a deleted task of an API-created queue for about an hour.
  private static final Duration TASK_TOMBSTONE_PERIOD = Duration.ofHours(1);

  private final World world;
  private final Clock clock;
  private final Duration queueTombstonePeriod;
  private final Map<String, Queue> queues = new TreeMap<>();
  private final Map<String, Map<String, Task>> tasksByQueue = new TreeMap<>();
  private final Map<String, Instant> deletedQueues = new TreeMap<>();
  private final Map<String, Instant> deletedTasks = new TreeMap<>();

  TasksStore(World world) {
    this.world = world;
    this.clock = world.clock();
    this.queueTombstonePeriod = world.config().queueTombstonePeriod();
  }

  Queue createQueue(String parent, Queue requested) {
    QueueName name = QueueName.parse(requested.getName());
    if (!name.parent().equals(parent)) {
      throw GrpcErrors.error(Code.INVALID_ARGUMENT, "The queue name \"" + name + "\" is not in the parent \"" + parent + "\".");
    }
    String key = name.toString();
    if (queues.containsKey(key)) {
      throw GrpcErrors.error(Code.ALREADY_EXISTS, "Queue already exists");
    }
    if (isTombstoned(key)) {
      throw GrpcErrors.error(Code.FAILED_PRECONDITION, QUEUE_TOMBSTONE_MESSAGE);
    }
    Queue created =
        QueueDefaults.apply(requested).toBuilder()
            .setName(key)
            .setState(Queue.State.RUNNING)
            .clearPurgeTime()
            .build();
    queues.put(key, created);
    tasksByQueue.put(key, new LinkedHashMap<>());
    return created;
  }

  Queue getQueue(String queueName) {
    return requireQueue(QueueName.parse(queueName).toString(), false);
  }

  List<Queue> listQueues(String parent) {
    String prefix = QueueName.requireParent(parent) + "/queues/";
    List<Queue> found = new ArrayList<>();
    queues.forEach(
        (key, queue) -> {
          if (key.startsWith(prefix)) {
            found.add(queue);
          }
        });
    return found;
  }

  /** Updates the fields in {@code mask} (all fields when it is empty); creates a missing queue. */
  Queue updateQueue(Queue requested, FieldMask mask) {
    String key = QueueName.parse(requested.getName()).toString();
    Queue existing = queues.get(key);
    if (existing == null) {
      return createQueue(QueueName.parse(key).parent(), requested);
    }
    Queue.Builder updated = existing.toBuilder();
    if (mask.getPathsCount() == 0) {
      updated.setRateLimits(requested.getRateLimits()).setRetryConfig(requested.getRetryConfig());
      updated.setStackdriverLoggingConfig(requested.getStackdriverLoggingConfig());
      if (requested.hasAppEngineRoutingOverride()) {
        updated.setAppEngineRoutingOverride(requested.getAppEngineRoutingOverride());
      }
    } else {
      rejectOutputOnlyPaths(mask);
      FieldMaskUtil.merge(mask, requested, updated);
    }
    Queue result = QueueDefaults.apply(updated.setName(key).build());
    queues.put(key, result);
    return result;
  }

  void deleteQueue(String queueName) {
    String key = QueueName.parse(queueName).toString();
    requireQueue(key, true);
    queues.remove(key);
    tasksByQueue.remove(key);
    deletedQueues.put(key, clock.instant());
  }

  Queue setQueueState(String queueName, Queue.State state) {
    String key = QueueName.parse(queueName).toString();
    Queue updated = requireQueue(key, true).toBuilder().setState(state).build();
    queues.put(key, updated);
    return updated;
  }

  Queue purgeQueue(String queueName) {
    String key = QueueName.parse(queueName).toString();
    Queue queue = requireQueue(key, true);
    Instant now = clock.instant();
    tasksByQueue.get(key).keySet().forEach(taskName -> deletedTasks.put(taskName, now));
    tasksByQueue.get(key).clear();
    Queue updated = queue.toBuilder().setPurgeTime(Timestamps.fromMillis(now.toEpochMilli())).build();
    queues.put(key, updated);
    return updated;
  }

  Task createTask(String queueName, Task requested) {
    String queueKey = QueueName.parse(queueName).toString();
    requireQueueForTask(queueKey);
    Map<String, Task> tasks = tasksByQueue.get(queueKey);
    String taskName = requested.getName().isEmpty() ? queueKey + "/tasks/" + newTaskId() : requested.getName();
    if (!taskName.startsWith(queueKey + "/tasks/") || taskName.endsWith("/tasks/")) {
      throw GrpcErrors.error(Code.INVALID_ARGUMENT, "Task name \"" + taskName + "\" must be in the queue \"" + queueKey + "\".");
    }
    if (tasks.containsKey(taskName)) {
      throw GrpcErrors.error(Code.ALREADY_EXISTS, "Requested entity already exists");
    }
    Instant deletedAt = deletedTasks.get(taskName);
    if (deletedAt != null && deletedAt.plus(TASK_TOMBSTONE_PERIOD).isAfter(clock.instant())) {
      throw GrpcErrors.error(Code.ALREADY_EXISTS, TASK_TOMBSTONE_MESSAGE);
    }
    var now = Timestamps.fromMillis(clock.millis());
    Task.Builder task = requested.toBuilder().setName(taskName).setCreateTime(now);
    if (!requested.hasScheduleTime() || Timestamps.compare(requested.getScheduleTime(), now) < 0) {
      task.setScheduleTime(now);
    }
    if (!requested.hasDispatchDeadline()) {
      // Cloud Tasks waits ten minutes for an HTTP target by default.
      task.setDispatchDeadline(com.google.protobuf.Duration.newBuilder().setSeconds(600));
    }
    Task created = task.build();
    tasks.put(taskName, created);
    return created;
  }

  Task getTask(String taskName) {
    Task task = tasksByQueue.getOrDefault(queueOf(taskName), Map.of()).get(taskName);
    if (task == null) {
      throw GrpcErrors.error(Code.NOT_FOUND, "Requested entity was not found.");
    }
    return task;
  }

  List<Task> listTasks(String queueName) {
    String key = QueueName.parse(queueName).toString();
    requireQueue(key, false);
    return new ArrayList<>(tasksByQueue.get(key).values());
  }

  void deleteTask(String taskName) {
    getTask(taskName);
    tasksByQueue.get(queueOf(taskName)).remove(taskName);
    deletedTasks.put(taskName, clock.instant());
  }

  /** Returns the queue a task belongs to, or null when the queue is gone. */
  Queue queueOfTask(String taskName) {
    return queues.get(queueOf(taskName));
  }

  /** Returns the HTTP tasks of running queues whose schedule time has come, oldest first. */
  List<Task> dueHttpTasks(Instant now) {
    List<Task> due = new ArrayList<>();
    queues.forEach((key, queue) -> {
      if (queue.getState() != Queue.State.RUNNING) {
        return;
      }
      for (Task task : tasksByQueue.get(key).values()) {
        if (task.hasHttpRequest() && Timestamps.toMillis(task.getScheduleTime()) <= now.toEpochMilli()) {
          due.add(task);
        }
      }
    });
    return due;
  }

  /**
   * Records one dispatch of a task. A task whose target returned 2xx is done and removed. A
   * failed one waits for its backoff, or is dropped once the queue's retry limits are reached.
   */
  void recordAttempt(String taskName, Instant dispatched, com.google.rpc.Status response) {
    String queueKey = queueOf(taskName);
    Task task = tasksByQueue.getOrDefault(queueKey, Map.of()).get(taskName);
    if (task == null) {
      return;
    }
    Instant now = clock.instant();
    Attempt attempt =
        Attempt.newBuilder()
            .setScheduleTime(task.getScheduleTime())
            .setDispatchTime(Timestamps.fromMillis(dispatched.toEpochMilli()))
            .setResponseTime(Timestamps.fromMillis(now.toEpochMilli()))
            .setResponseStatus(response)
            .build();
    Task.Builder attempted =
        task.toBuilder()
            .setDispatchCount(task.getDispatchCount() + 1)
            .setResponseCount(task.getResponseCount() + 1)
            .setLastAttempt(attempt);
    if (!task.hasFirstAttempt()) {
      attempted.setFirstAttempt(Attempt.newBuilder().setDispatchTime(attempt.getDispatchTime()));
    }
    RetryConfig retry = queues.get(queueKey).getRetryConfig();
    if (response.getCode() == 0 || RetryPolicy.exhausted(retry, attempted.getDispatchCount(), attempted.getFirstAttempt().getDispatchTime(), now)) {
      tasksByQueue.get(queueKey).remove(taskName);
      deletedTasks.put(taskName, now);
      return;
    }
    Instant next = now.plus(RetryPolicy.backoff(retry, attempted.getDispatchCount()));
    tasksByQueue.get(queueKey).put(taskName, attempted.setScheduleTime(Timestamps.fromMillis(next.toEpochMilli())).build());
  }

  private Queue requireQueue(String key, boolean failIfRecentlyDeleted) {
    Queue queue = queues.get(key);
    if (queue != null) {
      return queue;
    }
    if (failIfRecentlyDeleted && isTombstoned(key)) {
      throw GrpcErrors.error(Code.FAILED_PRECONDITION, QUEUE_GONE_MESSAGE);
    }
    throw GrpcErrors.error(Code.NOT_FOUND, "Requested entity was not found.");
  }

  // Cloud Tasks rejects a task write on a missing queue with FAILED_PRECONDITION, not NOT_FOUND.
  private void requireQueueForTask(String key) {
    if (queues.containsKey(key)) {
      return;
    }
    String message = isTombstoned(key) ? QUEUE_GONE_MESSAGE : "Queue does not exist.";
    throw GrpcErrors.error(Code.FAILED_PRECONDITION, message);
  }

  private boolean isTombstoned(String key) {
    Instant deletedAt = deletedQueues.get(key);
    return deletedAt != null && deletedAt.plus(queueTombstonePeriod).isAfter(clock.instant());
  }

  private static void rejectOutputOnlyPaths(FieldMask mask) {
    for (String path : mask.getPathsList()) {
      if (path.equals("name") || path.equals("state") || path.equals("purge_time")) {
        throw GrpcErrors.error(Code.INVALID_ARGUMENT, "The update mask path \"" + path + "\" names an output-only field of Queue.");
      }
    }
  }

  private static String queueOf(String taskName) {
    int index = taskName == null ? -1 : taskName.indexOf("/tasks/");
    if (index < 0) {
      throw GrpcErrors.error(Code.INVALID_ARGUMENT, 
              "Task name \""
                  + taskName
                  + "\" must have the form projects/PROJECT_ID/locations/LOCATION_ID/queues/QUEUE_ID/tasks/TASK_ID.");
    }
    return taskName.substring(0, index);
  }

  // Task ids Cloud Tasks generates are long decimal numbers.
  private static String newTaskId() {
    return Long.toUnsignedString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }

  @Override
  public String sectionName() {
    return "cloudtasks";
  }

  @Override
  public JsonNode save() {
    ObjectNode root = ProtoJson.MAPPER.createObjectNode();
    ArrayNode savedQueues = root.putArray("queues");
    queues.forEach(
        (key, queue) -> {
          ObjectNode entry = savedQueues.addObject();
          entry.set("queue", ProtoJson.toJson(queue));
          ArrayNode savedTasks = entry.putArray("tasks");
          tasksByQueue.get(key).values().forEach(task -> savedTasks.add(ProtoJson.toJson(task)));
        });
    ObjectNode queueTombstones = root.putObject("deletedQueues");
    deletedQueues.forEach((key, when) -> queueTombstones.put(key, when.toString()));
    ObjectNode taskTombstones = root.putObject("deletedTasks");
    deletedTasks.forEach((key, when) -> taskTombstones.put(key, when.toString()));
    return root;
  }

  @Override
  public void load(JsonNode saved) {
    queues.clear();
    tasksByQueue.clear();
    deletedQueues.clear();
    deletedTasks.clear();
    for (JsonNode entry : saved.path("queues")) {
      Queue queue = ProtoJson.fromJson(entry.get("queue"), Queue.newBuilder());
      Map<String, Task> tasks = new LinkedHashMap<>();
      for (JsonNode task : entry.path("tasks")) {
        Task parsed = ProtoJson.fromJson(task, Task.newBuilder());
        tasks.put(parsed.getName(), parsed);
      }
      queues.put(queue.getName(), queue);
      tasksByQueue.put(queue.getName(), tasks);
    }
    saved.path("deletedQueues").fields().forEachRemaining(e -> deletedQueues.put(e.getKey(), Instant.parse(e.getValue().asText())));
    saved.path("deletedTasks").fields().forEachRemaining(e -> deletedTasks.put(e.getKey(), Instant.parse(e.getValue().asText())));
  }
}
