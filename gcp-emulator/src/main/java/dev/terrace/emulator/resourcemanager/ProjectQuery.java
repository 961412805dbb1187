package dev.terrace.emulator.resourcemanager;

import com.google.cloud.resourcemanager.v3.Project;
import dev.terrace.emulator.GrpcErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The query of SearchProjects: space-separated {@code FIELD:VALUE} terms that must all match. The
 * emulator supports the fields {@code id} (or {@code projectId}), {@code displayName} (or {@code name})
 * and {@code state}; a value ending in {@code *} matches as a prefix. Other fields, such as
 * {@code parent} or {@code labels.KEY}, are rejected with INVALID_ARGUMENT rather than ignored, so a
 * test cannot pass on a filter the emulator does not apply.
 */
record ProjectQuery(List<Term> terms) {
  private static final Set<String> FIELDS = Set.of("id", "projectId", "displayName", "name", "state");

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
    for (Term term : terms) {
      if (!term.matches(project)) {
        return false;
      }
    }
    return true;
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
          return like(project.getDisplayName().toLowerCase(Locale.ROOT), value.toLowerCase(Locale.ROOT));
        default:
          return project.getState().name().equalsIgnoreCase(value);
      }
    }

    private static boolean like(String actual, String pattern) {
      return pattern.endsWith("*") ? actual.startsWith(pattern.substring(0, pattern.length() - 1)) : actual.equals(pattern);
    }
  }
}
