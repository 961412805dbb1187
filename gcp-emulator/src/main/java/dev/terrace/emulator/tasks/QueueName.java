package dev.terrace.emulator.tasks;

import com.google.rpc.Code;
import dev.terrace.emulator.GrpcErrors;
import java.util.regex.Pattern;

/**
 * A queue's resource name, {@code projects/PROJECT/locations/LOCATION/queues/QUEUE}.
 *
 * @param project project id
 * @param location region of the queue
 * @param queueId the last segment: letters, digits and hyphens, at most 100 characters
 */
record QueueName(String project, String location, String queueId) {

  private static final Pattern FULL =
      Pattern.compile("projects/([^/]+)/locations/([^/]+)/queues/([^/]+)");
  private static final Pattern PARENT = Pattern.compile("projects/([^/]+)/locations/([^/]+)");
  private static final Pattern QUEUE_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");

  /** Parses a full queue name, raising INVALID_ARGUMENT for any other shape. */
  static QueueName parse(String name) {
    var matcher = FULL.matcher(name == null ? "" : name);
    if (!matcher.matches() || !QUEUE_ID.matcher(matcher.group(3)).matches()) {
      throw GrpcErrors.error(Code.INVALID_ARGUMENT, 
              "Invalid resource field value in the request: queue name \""
                  + name
                  + "\" must have the form projects/PROJECT_ID/locations/LOCATION_ID/queues/QUEUE_ID,"
                  + " where QUEUE_ID has at most 100 letters, digits or hyphens.");
    }
    return new QueueName(matcher.group(1), matcher.group(2), matcher.group(3));
  }

  /** Checks a {@code projects/PROJECT/locations/LOCATION} parent and returns it unchanged. */
  static String requireParent(String parent) {
    if (parent == null || !PARENT.matcher(parent).matches()) {
      throw GrpcErrors.error(Code.INVALID_ARGUMENT, 
              "Invalid resource field value in the request: parent \""
                  + parent
                  + "\" must have the form projects/PROJECT_ID/locations/LOCATION_ID.");
    }
    return parent;
  }

  String parent() {
    return "projects/" + project + "/locations/" + location;
  }

  @Override
  public String toString() {
    return parent() + "/queues/" + queueId;
  }
}
