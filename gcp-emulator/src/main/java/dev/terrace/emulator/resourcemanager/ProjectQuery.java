package dev.terrace.emulator.resourcemanager;

import com.google.cloud.resourcemanager.v3.Project;
import dev.terrace.emulator.GrpcErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The query of SearchProjects: space-separated {@code FIELD:VALUE} terms, of which a project must
 * match any one, compared without regard to case, as the API documents. An empty query matches
 * every project. The emulator supports the fields {@code id} (or {@code projectId}),
 * {@code displayName} (or {@code name}) and {@code state} (or {@code lifecycleState}), and a value
 * ending in {@code *} matches as a prefix. Other fields, such as {@code parent} or
 * {@code labels.KEY}, are rejected with INVALID_ARGUMENT rather than ignored, so a test cannot pass
 * on a filter the emulator does not apply.
 */
record ProjectQuery(List<Term> terms) {
  private static final Set<String> FIELDS = Set.of("id", "projectId", "displayName", "name", "state", "lifecycleState");

  static ProjectQuery parse(String query) {
    List<Term> terms = new ArrayList<>();
    for (String part : query.trim().split("\\s+")) {
      if (part.isEmpty()) {
        continue;
      }
      int colon = part.indexOf(':');
      if (colon <= 0) {
        throw GrpcErrors.invalidArgument("Invalid query term '" + part + "': expected FIELD:VALUE, such as state:ACTIVE.");
      }
      String field = part.substring(0, colon);
      if (!FIELDS.contains(field)) {
        throw GrpcErrors.invalidArgument("The emulator does not support the query field '" + field + "'; use id, displayName or state.");
      }
      terms.add(new Term(field, unquote(part.substring(colon + 1))));
    }
    return new ProjectQuery(List.copyOf(terms));
  }

  boolean matches(Project project) {
    if (terms.isEmpty()) {
      return true;
    }
    for (Term term : terms) {
      if (term.matches(project)) {
        return true;
      }
    }
    return false;
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
  }

  record Term(String field, String value) {

    boolean matches(Project project) {
      switch (field) {
        case "id":
        case "projectId":
          return like(project.getProjectId(), value);
        case "displayName":
        case "name":
          return like(project.getDisplayName(), value);
        default:
          return like(project.getState().name(), value);
      }
    }

    private static boolean like(String actual, String pattern) {
      String text = actual.toLowerCase(Locale.ROOT);
      String expected = pattern.toLowerCase(Locale.ROOT);
      return expected.endsWith("*") ? text.startsWith(expected.substring(0, expected.length() - 1)) : text.equals(expected);
    }
  }
}
