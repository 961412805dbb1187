package dev.terrace.emulator.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads fault rules from a JSON or YAML document:
 *
 * <pre>
 * seed: 7                       # optional, restarts the random numbers
 * rules:
 *   - target: google.cloud.secretmanager.v1.SecretManagerService/CreateSecret
 *     status: UNAVAILABLE       # a gRPC code name
 *     rate: 0.5                 # optional, default 1
 *     times: 3                  # optional, default 0 = no limit
 *     latency: 200ms            # or {min: 100ms, max: 400ms}
 *   - target: storage.objects.insert
 *     quota: {retryDelay: 30s}  # RESOURCE_EXHAUSTED with RetryInfo
 * </pre>
 *
 * Durations are {@code 250ms}, {@code 2s}, {@code 1m} or ISO-8601 ({@code PT2S}).
 */
public final class FaultFile {
  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  private FaultFile() {}

  /** The rules of one file and its seed, if it sets one. */
  public record Parsed(Long seed, List<FaultRule> rules) {}

  public static Parsed parse(JsonNode root, String source) {
    Long seed = root.hasNonNull("seed") ? root.get("seed").asLong() : null;
    List<FaultRule> rules = new ArrayList<>();
    JsonNode list = root.path("rules");
    for (int i = 0; i < list.size(); i++) {
      rules.add(parseRule(list.get(i), source + ": rules[" + i + "]"));
    }
    return new Parsed(seed, rules);
  }

  private static FaultRule parseRule(JsonNode node, String where) {
    if (!node.hasNonNull("target")) {
      throw new IllegalArgumentException(where + ": target is missing");
    }
    FaultRule.Builder rule = FaultRule.on(node.get("target").asText());
    if (node.hasNonNull("status")) {
      rule.status(parseCode(node.get("status").asText(), where));
    }
    if (node.hasNonNull("rate")) {
      rule.rate(node.get("rate").asDouble());
    }
    if (node.hasNonNull("times")) {
      rule.times(node.get("times").asInt());
    }
    if (node.hasNonNull("message")) {
      rule.message(node.get("message").asText());
    }
    JsonNode latency = node.path("latency");
    if (latency.isTextual()) {
      rule.latency(parseDuration(latency.asText(), where));
    } else if (latency.isObject()) {
      rule.latency(
          parseDuration(latency.path("min").asText("0ms"), where),
          parseDuration(latency.path("max").asText(latency.path("min").asText("0ms")), where));
    }
    JsonNode quota = node.path("quota");
    if (quota.isObject()) {
      rule.quotaExceeded(parseDuration(quota.path("retryDelay").asText("30s"), where));
    }
    return rule.build();
  }

  private static Status.Code parseCode(String name, String where) {
    try {
      return Status.Code.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": status " + name + " is not a gRPC code name such as UNAVAILABLE", e);
    }
  }

  /** Parses {@code 250ms}, {@code 2s}, {@code 1m}, {@code 1h} or an ISO-8601 duration. */
  public static Duration parseDuration(String text, String where) {
    Matcher simple = SIMPLE_DURATION.matcher(text.trim());
    if (simple.matches()) {
      long amount = Long.parseLong(simple.group(1));
      return switch (simple.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    try {
      return Duration.parse(text.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(where + ": duration " + text + " is invalid; use e.g. 250ms, 2s or PT2S", e);
    }
  }
}
