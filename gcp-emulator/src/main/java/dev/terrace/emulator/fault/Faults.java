package dev.terrace.emulator.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The fault rules in force. Every call consults them through the gRPC interceptor or the HTTP
 * filter; tests change them at any time. Rules apply in the order they were added: each matching
 * rule adds its latency, and the first matching rule that decides to fail sets the error.
 */
public final class Faults {
  private final List<Active> rules = new CopyOnWriteArrayList<>();
  private Random random;

  public Faults(long seed) {
    this.random = new Random(seed);
  }

  /** Adds a rule and returns it, so a test can {@link #remove} it later. */
  public FaultRule add(FaultRule rule) {
    rules.add(new Active(rule));
    return rule;
  }

  /** Fails the next {@code count} calls that match the glob with this status. */
  public FaultRule failNext(String target, int count, Status.Code code) {
    return add(FaultRule.on(target).status(code).times(count).build());
  }

  /** Fails the next {@code count} matching calls with a quota error carrying this retry delay. */
  public FaultRule quotaExceeded(String target, int count, Duration retryDelay) {
    return add(FaultRule.on(target).quotaExceeded(retryDelay).times(count).build());
  }

  public void remove(FaultRule rule) {
    rules.removeIf(active -> active.rule.equals(rule));
  }

  public void clear() {
    rules.clear();
  }

  /** Restarts the random numbers behind rates and latencies, for repeatable runs. */
  public synchronized void reseed(long seed) {
    random = new Random(seed);
  }

  /** Returns the rules in force, spent ones left out. */
  public List<FaultRule> rules() {
    List<FaultRule> live = new ArrayList<>();
    for (Active active : rules) {
      if (!active.spent()) {
        live.add(active.rule);
      }
    }
    return live;
  }

  /**
   * Adds the rules of a JSON or YAML file (YAML unless the name ends in {@code .json}); see
   * {@link FaultFile} for the format.
   */
  public void load(Path file) throws IOException {
    ObjectMapper mapper =
        file.getFileName().toString().endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
    JsonNode root = mapper.readTree(Files.readString(file));
    FaultFile.Parsed parsed = FaultFile.parse(root, file.toString());
    if (parsed.seed() != null) {
      reseed(parsed.seed());
    }
    parsed.rules().forEach(this::add);
  }

  /** Decides what happens to one call of the method. */
  public FaultOutcome decide(String method) {
    if (rules.isEmpty()) {
      return FaultOutcome.NONE;
    }
    Duration delay = Duration.ZERO;
    FaultRule failing = null;
    for (Active active : rules) {
      FaultRule rule = active.rule;
      if (active.spent() || !active.pattern.matcher(method).matches()) {
        continue;
      }
      delay = delay.plus(drawLatency(rule));
      if (failing == null && rule.fails() && draw() < rule.rate() && active.claim()) {
        failing = rule;
      }
    }
    if (failing == null) {
      return new FaultOutcome(delay, null, null, null);
    }
    String message =
        failing.message() != null ? failing.message() : "Injected fault: " + failing.code() + " on " + method + ".";
    return new FaultOutcome(delay, failing.code(), message, failing.quotaRetryDelay());
  }

  private synchronized double draw() {
    return random.nextDouble();
  }

  private synchronized Duration drawLatency(FaultRule rule) {
    long min = rule.latencyMin().toNanos();
    long max = rule.latencyMax().toNanos();
    if (max == min) {
      return rule.latencyMin();
    }
    return Duration.ofNanos(min + (long) (random.nextDouble() * (max - min)));
  }

  /** A rule with its count of failures still allowed. */
  private static final class Active {
    final FaultRule rule;
    final Pattern pattern;
    final AtomicInteger remaining;

    Active(FaultRule rule) {
      this.rule = rule;
      this.pattern = FaultRule.globToPattern(rule.target());
      this.remaining = new AtomicInteger(rule.times());
    }

    boolean spent() {
      return rule.times() > 0 && remaining.get() <= 0;
    }

    boolean claim() {
      return rule.times() == 0 || remaining.getAndDecrement() > 0;
    }
  }
}
