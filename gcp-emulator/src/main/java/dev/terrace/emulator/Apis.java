package dev.terrace.emulator;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The Google APIs the emulator recognizes by name, with their titles, as Service Usage lists them. */
public final class Apis {
  public static final String SERVICE_USAGE = "serviceusage.googleapis.com";
  public static final String RESOURCE_MANAGER = "cloudresourcemanager.googleapis.com";
  public static final String IAM = "iam.googleapis.com";
  public static final String IAM_CREDENTIALS = "iamcredentials.googleapis.com";
  public static final String STS = "sts.googleapis.com";
  public static final String ARTIFACT_REGISTRY = "artifactregistry.googleapis.com";
  public static final String SECRET_MANAGER = "secretmanager.googleapis.com";
  public static final String STORAGE = "storage.googleapis.com";
  public static final String LOGGING = "logging.googleapis.com";
  public static final String RUN = "run.googleapis.com";
  public static final String CLOUD_TASKS = "cloudtasks.googleapis.com";
  public static final String CLOUD_SCHEDULER = "cloudscheduler.googleapis.com";

  private static final Map<String, String> TITLES = new TreeMap<>();

  static {
    TITLES.put(SERVICE_USAGE, "Service Usage API");
    TITLES.put(RESOURCE_MANAGER, "Cloud Resource Manager API");
    TITLES.put(IAM, "Identity and Access Management (IAM) API");
    TITLES.put(IAM_CREDENTIALS, "IAM Service Account Credentials API");
    TITLES.put(STS, "Security Token Service API");
    TITLES.put(ARTIFACT_REGISTRY, "Artifact Registry API");
    TITLES.put(SECRET_MANAGER, "Secret Manager API");
    TITLES.put(STORAGE, "Cloud Storage API");
    TITLES.put(LOGGING, "Cloud Logging API");
    TITLES.put(RUN, "Cloud Run Admin API");
    TITLES.put(CLOUD_TASKS, "Cloud Tasks API");
    TITLES.put(CLOUD_SCHEDULER, "Cloud Scheduler API");
    TITLES.put("monitoring.googleapis.com", "Cloud Monitoring API");
    TITLES.put("cloudbilling.googleapis.com", "Cloud Billing API");
    TITLES.put("compute.googleapis.com", "Compute Engine API");
    TITLES.put("cloudbuild.googleapis.com", "Cloud Build API");
    TITLES.put("containerregistry.googleapis.com", "Container Registry API");
  }

  private Apis() {}

  /** Returns whether Service Usage lists this API; an unknown name is rejected like the real one. */
  public static boolean isKnown(String api) {
    return TITLES.containsKey(api);
  }

  /** Returns the API's title, or the name itself for an unknown one. */
  public static String title(String api) {
    return Optional.ofNullable(TITLES.get(api)).orElse(api);
  }

  /** Returns every known API name, sorted. */
  public static Iterable<String> all() {
    return TITLES.keySet();
  }
}
