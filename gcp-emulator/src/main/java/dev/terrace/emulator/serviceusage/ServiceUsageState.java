package dev.terrace.emulator.serviceusage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.emulator.ProtoJson;
import dev.terrace.emulator.StateSection;
import dev.terrace.emulator.World;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The project's enabled APIs, and when each takes effect. Enabling is recorded at once
 * (Service Usage reports the API as ENABLED) but calls to the API keep failing until the
 * propagation delay has passed, as they do for a while on the real platform.
 */
public final class ServiceUsageState implements StateSection {
  private final World world;
  private final Map<String, Instant> enabled = new TreeMap<>();

  public ServiceUsageState(World world) {
    this.world = world;
    for (String api : world.config().enabledServices()) {
      enabled.put(api, Instant.EPOCH);
    }
  }

  /** Returns whether Service Usage reports the API as enabled. */
  public boolean isEnabled(String api) {
    return world.read(() -> enabled.containsKey(api));
  }

  /** Returns whether calls to the API succeed: enabled and past its propagation delay. */
  public boolean isEffective(String api) {
    Instant now = world.clock().instant();
    return world.read(() -> {
      Instant since = enabled.get(api);
      return since != null && !now.isBefore(since);
    });
  }

  /** Enables the API; an already enabled one keeps its original effective time. */
  public void enable(String api) {
    Instant effective = world.clock().instant().plus(world.config().apiPropagationDelay());
    world.update(() -> enabled.putIfAbsent(api, effective));
  }

  public void disable(String api) {
    world.update(() -> enabled.remove(api));
  }

  /** Returns the enabled APIs, sorted. */
  public Iterable<String> enabledApis() {
    return world.read(() -> new TreeMap<>(enabled).keySet());
  }

  @Override
  public String sectionName() {
    return "serviceUsage";
  }

  @Override
  public JsonNode save() {
    ObjectNode saved = ProtoJson.MAPPER.createObjectNode();
    enabled.forEach((api, since) -> saved.put(api, since.toString()));
    return saved;
  }

  @Override
  public void load(JsonNode saved) {
    enabled.clear();
    saved.fields().forEachRemaining(e -> enabled.put(e.getKey(), Instant.parse(e.getValue().asText())));
  }
}
