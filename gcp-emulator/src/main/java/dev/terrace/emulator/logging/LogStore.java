package dev.terrace.emulator.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.logging.v2.LogEntry;
import com.google.protobuf.Timestamp;
import dev.terrace.emulator.ProtoJson;
import dev.terrace.emulator.StateSection;
import dev.terrace.emulator.World;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The project's log entries, oldest first, capped so a long-running sandbox stays small. Services
 * write entries with {@link #write}; tail streams subscribe with {@link #subscribe}.
 */
public final class LogStore implements StateSection {
  private static final int CAPACITY = 20_000;

  private final World world;
  private final Deque<LogEntry> entries = new ArrayDeque<>();
  private final List<Consumer<LogEntry>> subscribers = new CopyOnWriteArrayList<>();

  public LogStore(World world) {
    this.world = world;
  }

  /**
   * Stores an entry. The store fills in what the real service fills in when the writer leaves it
   * out: {@code insertId}, {@code timestamp} and {@code receiveTimestamp} (emulator clock), and a
   * {@code logName} under the project.
   */
  public LogEntry write(LogEntry entry) {
    Instant now = world.clock().instant();
    Timestamp received = Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
    LogEntry.Builder filled = entry.toBuilder().setReceiveTimestamp(received);
    if (entry.getInsertId().isEmpty()) {
      filled.setInsertId(UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }
    if (!entry.hasTimestamp()) {
      filled.setTimestamp(received);
    }
    if (entry.getLogName().isEmpty()) {
      filled.setLogName(world.projectName() + "/logs/terrace-emulator");
    }
    LogEntry stored = filled.build();
    world.update(() -> {
      entries.addLast(stored);
      if (entries.size() > CAPACITY) {
        entries.removeFirst();
      }
    });
    for (Consumer<LogEntry> subscriber : subscribers) {
      subscriber.accept(stored);
    }
    return stored;
  }

  /** Returns every entry kept, oldest first. */
  public List<LogEntry> entries() {
    return world.read(() -> new ArrayList<>(entries));
  }

  /** Calls the subscriber with each entry written from now on, until {@link #unsubscribe}. */
  public void subscribe(Consumer<LogEntry> subscriber) {
    subscribers.add(subscriber);
  }

  public void unsubscribe(Consumer<LogEntry> subscriber) {
    subscribers.remove(subscriber);
  }

  /** Returns how many tail streams are listening. */
  public int subscriberCount() {
    return subscribers.size();
  }

  @Override
  public String sectionName() {
    return "logging";
  }

  @Override
  public JsonNode save() {
    ArrayNode saved = ProtoJson.MAPPER.createArrayNode();
    // Entries may carry Any payloads, which JSON cannot print without their types.
    entries.forEach(e -> saved.add(ProtoJson.toBytes(e)));
    return saved;
  }

  @Override
  public void load(JsonNode saved) {
    entries.clear();
    saved.forEach(node -> entries.addLast(ProtoJson.fromBytes(node, LogEntry.parser())));
  }
}
