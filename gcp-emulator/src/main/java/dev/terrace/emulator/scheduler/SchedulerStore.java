package dev.terrace.emulator.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.cloud.scheduler.v1.Job;
import dev.terrace.emulator.ProtoJson;
import dev.terrace.emulator.StateSection;
import java.util.Map;
import java.util.TreeMap;

/** Cloud Scheduler state: the jobs by full name. Callers hold the world's lock. */
final class SchedulerStore implements StateSection {

  final Map<String, Job> jobs = new TreeMap<>();

  @Override
  public String sectionName() {
    return "cloudscheduler";
  }

  @Override
  public JsonNode save() {
    ArrayNode saved = ProtoJson.MAPPER.createArrayNode();
    // Bytes, not JSON: a job's status may carry error details packed as Any.
    jobs.values().forEach(job -> saved.add(ProtoJson.toBytes(job)));
    return saved;
  }

  @Override
  public void load(JsonNode saved) {
    jobs.clear();
    for (JsonNode item : saved) {
      Job job = ProtoJson.fromBytes(item, Job.parser());
      jobs.put(job.getName(), job);
    }
  }
}
