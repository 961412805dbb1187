package dev.terrace.emulator.secretmanager;

import com.google.cloud.secretmanager.v1.Secret;
import dev.terrace.emulator.GrpcErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The part of the Secret Manager list filter syntax the emulator supports: terms joined by
 * {@code AND} or spaces, each {@code labels.KEY=VALUE}, {@code labels.KEY:*} (label present),
 * {@code labels.KEY:VALUE} or {@code name:TEXT} (name contains the text). Other terms are
 * INVALID_ARGUMENT, so a test never passes on a filter the emulator ignored.
 */
final class SecretFilter {
  private SecretFilter() {}

  static Predicate<Secret> parse(String filter) {
    List<Predicate<Secret>> terms = new ArrayList<>();
    for (String term : filter.trim().split("\\s+")) {
      if (term.isEmpty() || term.equals("AND")) {
        continue;
      }
      terms.add(parseTerm(term));
    }
    return secret -> terms.stream().allMatch(t -> t.test(secret));
  }

  private static Predicate<Secret> parseTerm(String term) {
    if (term.startsWith("labels.")) {
      int equals = term.indexOf('=');
      int colon = term.indexOf(':');
      if (equals > 0 && (colon < 0 || equals < colon)) {
        String key = term.substring("labels.".length(), equals);
        String value = unquote(term.substring(equals + 1));
        return secret -> value.equals(secret.getLabelsMap().get(key));
      }
      if (colon > 0) {
        String key = term.substring("labels.".length(), colon);
        String value = unquote(term.substring(colon + 1));
        return value.equals("*")
            ? secret -> secret.getLabelsMap().containsKey(key)
            : secret -> secret.getLabelsMap().getOrDefault(key, "").contains(value);
      }
    }
    if (term.startsWith("name:")) {
      String text = unquote(term.substring("name:".length()));
      return secret -> secret.getName().substring(secret.getName().lastIndexOf('/') + 1).contains(text);
    }
    throw GrpcErrors.invalidArgument(
        "Unsupported filter term '" + term + "'; the emulator supports labels.KEY=VALUE, labels.KEY:* and name:TEXT.");
  }

  private static String unquote(String text) {
    return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
  }
}
