package dev.terrace.emulator.logging;

import com.google.logging.type.LogSeverity;
import com.google.logging.v2.LogEntry;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import dev.terrace.emulator.GrpcErrors;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subset of the Logging query language: comparisons joined by {@code AND} (or by spaces), each
 * {@code FIELD OP VALUE} with OP one of {@code = != > < >= <= :}. Fields: {@code logName},
 * {@code severity}, {@code timestamp}, {@code insertId}, {@code textPayload}, {@code resource.type},
 * {@code resource.labels.K}, {@code labels.K}, {@code jsonPayload.K}. Severity compares by level
 * and timestamp by time; {@code :} is a substring test. Anything else is INVALID_ARGUMENT.
 */
public final class LogFilter {
  private static final Pattern COMPARISON =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_.\\-/]*)\\s*(>=|<=|!=|=|>|<|:)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s\"]+)\\s*");

  private LogFilter() {}

  public static Predicate<LogEntry> parse(String filter) {
    List<Predicate<LogEntry>> terms = new ArrayList<>();
    String rest = filter.trim();
    while (!rest.isEmpty()) {
      if (rest.startsWith("AND ")) {
        rest = rest.substring(4).trim();
        continue;
      }
      Matcher term = COMPARISON.matcher(rest);
      if (!term.lookingAt()) {
        throw GrpcErrors.invalidArgument("Unsupported filter near '" + rest + "'; the emulator supports FIELD OP VALUE terms joined by AND.");
      }
      terms.add(comparison(term.group(1), term.group(2), unquote(term.group(3))));
      rest = rest.substring(term.end()).trim();
    }
    return entry -> terms.stream().allMatch(t -> t.test(entry));
  }

  private static Predicate<LogEntry> comparison(String field, String op, String value) {
    if (field.equals("severity")) {
      int expected = severityNumber(value);
      return entry -> compare(Integer.compare(entry.getSeverityValue(), expected), op);
    }
    if (field.equals("timestamp") || field.equals("receiveTimestamp")) {
      Instant expectedTime = parseTime(value);
      return entry -> {
        Timestamp stamp = field.equals("timestamp") ? entry.getTimestamp() : entry.getReceiveTimestamp();
        Instant actual = Instant.ofEpochSecond(stamp.getSeconds(), stamp.getNanos());
        return compare(actual.compareTo(expectedTime), op);
      };
    }
    return entry -> {
      String actual = textOf(entry, field);
      if (op.equals(":")) {
        return actual != null && actual.contains(value);
      }
      if (actual == null) {
        return op.equals("!=");
      }
      return compare(actual.compareTo(value), op);
    };
  }

  private static String textOf(LogEntry entry, String field) {
    if (field.startsWith("resource.labels.")) {
      return entry.getResource().getLabelsMap().get(field.substring("resource.labels.".length()));
    }
    if (field.startsWith("labels.")) {
      return entry.getLabelsMap().get(field.substring("labels.".length()));
    }
    if (field.startsWith("jsonPayload.")) {
      Value value = entry.getJsonPayload().getFieldsMap().get(field.substring("jsonPayload.".length()));
      if (value == null) {
        return null;
      }
      return value.hasStringValue() ? value.getStringValue() : value.toString().trim();
    }
    return switch (field) {
      case "logName", "log_name" -> entry.getLogName();
      case "resource.type" -> entry.getResource().getType();
      case "insertId", "insert_id" -> entry.getInsertId();
      case "textPayload", "text_payload" -> entry.getTextPayload();
      case "trace" -> entry.getTrace();
      default -> throw GrpcErrors.invalidArgument("Unsupported filter field '" + field + "'.");
    };
  }

  private static boolean compare(int order, String op) {
    return switch (op) {
      case "=", ":" -> order == 0;
      case "!=" -> order != 0;
      case ">" -> order > 0;
      case "<" -> order < 0;
      case ">=" -> order >= 0;
      default -> order <= 0;
    };
  }

  private static int severityNumber(String value) {
    try {
      return LogSeverity.valueOf(value.toUpperCase(Locale.ROOT)).getNumber();
    } catch (IllegalArgumentException e) {
      throw GrpcErrors.invalidArgument("Unknown severity '" + value + "'; use DEFAULT, DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT or EMERGENCY.");
    }
  }

  private static Instant parseTime(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw GrpcErrors.invalidArgument("Invalid timestamp '" + value + "'; use RFC 3339, such as 2026-01-31T12:00:00Z.");
    }
  }

  private static String unquote(String text) {
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      return text.substring(1, text.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return text;
  }
}
