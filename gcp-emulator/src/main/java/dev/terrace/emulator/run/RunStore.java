package dev.terrace.emulator.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.run.v2.Execution;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.Task;
import com.google.iam.v1.Policy;
import com.google.protobuf.Message;
import dev.terrace.emulator.ProtoJson;
import dev.terrace.emulator.StateSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Cloud Run state: services with their revisions, jobs with their executions and tasks, and the
 * IAM policy of each service and job. The maps are keyed by full resource name. Callers hold
 * the world's lock, as for every other section.
 */
final class RunStore implements StateSection {

  final Map<String, Service> services = new TreeMap<>();
  final Map<String, Revision> revisions = new TreeMap<>();
  final Map<String, Job> jobs = new TreeMap<>();
  final Map<String, Execution> executions = new TreeMap<>();
  final Map<String, Task> tasks = new TreeMap<>();
  final Map<String, Policy> policies = new TreeMap<>();
  /** Number of the last revision made per service, so numbers keep rising after deletes. */
  final Map<String, Long> revisionCounters = new TreeMap<>();
  /** Running operation per service, job or execution whose rollout or run has not finished. */
  final Map<String, String> pendingOperations = new TreeMap<>();
  /** Entry point for other modules; kept here because they find this section by name. Not saved. */
  RunInvoker invoker;

  /** Returns the values whose key starts with {@code prefix + "/"} and has no further slash. */
  static <T> List<T> childrenOf(Map<String, T> map, String prefix) {
    String start = prefix + "/";
    List<T> children = new ArrayList<>();
    map.forEach(
        (key, value) -> {
          if (key.startsWith(start) && key.indexOf('/', start.length()) < 0) {
            children.add(value);
          }
        });
    return children;
  }

  /** Removes every key that starts with {@code prefix + "/"}. */
  static void removeChildren(Map<String, ?> map, String prefix) {
    map.keySet().removeIf(key -> key.startsWith(prefix + "/"));
  }

  @Override
  public String sectionName() {
    return "run";
  }

  @Override
  public JsonNode save() {
    ObjectNode root = ProtoJson.MAPPER.createObjectNode();
    saveAll(root.putArray("services"), services);
    saveAll(root.putArray("revisions"), revisions);
    saveAll(root.putArray("jobs"), jobs);
    saveAll(root.putArray("executions"), executions);
    saveAll(root.putArray("tasks"), tasks);
    ObjectNode savedPolicies = root.putObject("policies");
    policies.forEach((name, policy) -> savedPolicies.set(name, ProtoJson.toJson(policy)));
    ObjectNode counters = root.putObject("revisionCounters");
    revisionCounters.forEach(counters::put);
    ObjectNode pending = root.putObject("pendingOperations");
    pendingOperations.forEach(pending::put);
    return root;
  }

  @Override
  public void load(JsonNode saved) {
    loadAll(saved.path("services"), services, () -> Service.newBuilder(), Service::getName);
    loadAll(saved.path("revisions"), revisions, () -> Revision.newBuilder(), Revision::getName);
    loadAll(saved.path("jobs"), jobs, () -> Job.newBuilder(), Job::getName);
    loadAll(saved.path("executions"), executions, () -> Execution.newBuilder(), Execution::getName);
    loadAll(saved.path("tasks"), tasks, () -> Task.newBuilder(), Task::getName);
    policies.clear();
    saved.path("policies").fields().forEachRemaining(
        e -> policies.put(e.getKey(), ProtoJson.fromJson(e.getValue(), Policy.newBuilder())));
    revisionCounters.clear();
    saved.path("revisionCounters").fields().forEachRemaining(e -> revisionCounters.put(e.getKey(), e.getValue().asLong()));
    pendingOperations.clear();
    saved.path("pendingOperations").fields().forEachRemaining(e -> pendingOperations.put(e.getKey(), e.getValue().asText()));
  }

  private static void saveAll(ArrayNode array, Map<String, ? extends Message> map) {
    map.values().forEach(message -> array.add(ProtoJson.toJson(message)));
  }

  private static <T extends Message> void loadAll(
      JsonNode array, Map<String, T> map, java.util.function.Supplier<Message.Builder> builder, Function<T, String> name) {
    map.clear();
    for (JsonNode item : array) {
      T message = ProtoJson.fromJson(item, builder.get());
      map.put(name.apply(message), message);
    }
  }
}
