package dev.terrace.emulator.run;

import dev.terrace.emulator.GrpcErrors;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and makes the resource names of Cloud Run Admin v2. */
final class RunNames {

  private static final Pattern PARENT = Pattern.compile("projects/([^/]+)/locations/([^/]+)");
  private static final Pattern CHILD = Pattern.compile("projects/([^/]+)/locations/([^/]+)/(services|jobs)/([^/]+)");
  // Cloud Run service and job ids: lowercase letters, digits and hyphens, starting with a
  // letter, not ending with a hyphen, at most 49 characters for services (63 for jobs).
  private static final Pattern ID = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final String SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunNames() {
  }

  /**
   * A parsed {@code projects/P/locations/L/COLLECTION/ID} name.
   *
   * @param project project id as given in the name
   * @param location region
   * @param collection {@code services} or {@code jobs}
   * @param id the last segment
   */
  record Child(String project, String location, String collection, String id) {
    String parent() {
      return "projects/" + project + "/locations/" + location;
    }

    String name() {
      return parent() + "/" + collection + "/" + id;
    }
  }

  static Matcher requireParent(String parent) {
    Matcher matcher = PARENT.matcher(parent == null ? "" : parent);
    if (!matcher.matches()) {
      throw GrpcErrors.invalidArgument(
          "Invalid parent \"" + parent + "\": expected projects/PROJECT_ID/locations/LOCATION.");
    }
    return matcher;
  }

  static Child parse(String name, String collection) {
    Matcher matcher = CHILD.matcher(name == null ? "" : name);
    if (!matcher.matches() || !matcher.group(3).equals(collection)) {
      throw GrpcErrors.invalidArgument(
          "Invalid resource name \"" + name + "\": expected projects/PROJECT_ID/locations/LOCATION/" + collection + "/ID.");
    }
    return new Child(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4));
  }

  static void requireId(String id, String field, int maxLength) {
    if (id == null || id.length() > maxLength || !ID.matcher(id).matches()) {
      throw GrpcErrors.invalidArgument(
          field
              + " \""
              + id
              + "\" is invalid: use lowercase letters, digits and hyphens, begin with a letter,"
              + " do not end with a hyphen, and use at most "
              + maxLength
              + " characters.");
    }
  }

  /** Returns the id part of any resource name (the text after the last slash). */
  static String lastSegment(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /** Returns a revision id in Cloud Run's form, {@code SERVICE-00001-abc}. */
  static String revisionId(String serviceId, long number) {
    return String.format("%s-%05d-%s", serviceId, number, randomSuffix(3));
  }

  /** Returns an execution id in Cloud Run's form, {@code JOB-abcde}. */
  static String executionId(String jobId) {
    return jobId + "-" + randomSuffix(5);
  }

  static String randomSuffix(int length) {
    StringBuilder suffix = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      suffix.append(SUFFIX_ALPHABET.charAt(RANDOM.nextInt(SUFFIX_ALPHABET.length())));
    }
    return suffix.toString();
  }
}
