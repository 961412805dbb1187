package dev.terrace.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of one emulator: the project it emulates, where it keeps its data, and the delays
 * that make it behave like the real services. Build one with {@link #builder()}; every field has a
 * default.
 *
 * @param projectId the only project the emulator serves
 * @param projectNumber the number the real APIs put in {@code projects/NUMBER} consumer names
 * @param region default location of regional resources
 * @param dataDir directory for snapshots, or {@code null} to keep state in memory only
 * @param grpcPort port of the gRPC server on 127.0.0.1, 0 for an ephemeral one
 * @param storagePort port of the Cloud Storage HTTP server on 127.0.0.1, 0 for an ephemeral one
 * @param serviceUrlPort port of the server behind the Cloud Run service URLs, 0 for an ephemeral one
 * @param apiPropagationDelay time between enabling an API and calls to it succeeding
 * @param serviceAccountVisibilityDelay time during which a new service account returns 403 on get
 * @param queueTombstonePeriod time during which a deleted Cloud Tasks queue name stays reserved
 * @param jobExecutionDelay time a Cloud Run job execution takes to finish
 * @param runRolloutDelay time from a Cloud Run service or job create or update to Ready (or failed)
 * @param clockAcceleration how many emulated seconds pass per real second (1 = real time)
 * @param takenBucketNames bucket names that behave as owned by another customer
 * @param offeredRegions regions each regional product runs in, keyed by API name, as its
 *     ListLocations returns them
 * @param enabledServices APIs enabled when the project is first created
 * @param callerPrincipal IAM member every call is made as, since calls carry no credentials
 * @param faultSeed seed of the random numbers behind fault rates and latencies
 */
public record EmulatorConfig(
    String projectId,
    long projectNumber,
    String region,
    Path dataDir,
    int grpcPort,
    int storagePort,
    int serviceUrlPort,
    Duration apiPropagationDelay,
    Duration serviceAccountVisibilityDelay,
    Duration queueTombstonePeriod,
    Duration jobExecutionDelay,
    Duration runRolloutDelay,
    double clockAcceleration,
    Set<String> takenBucketNames,
    Map<String, Set<String>> offeredRegions,
    Set<String> enabledServices,
    String callerPrincipal,
    long faultSeed) {

  public static final String DEFAULT_PROJECT_ID = "sandbox-project";
  public static final long DEFAULT_PROJECT_NUMBER = 100000000001L;
  public static final String DEFAULT_REGION = "southamerica-east1";
  public static final String DEFAULT_CALLER = "user:sandbox-owner@example.com";

  /** APIs a new real project has on, narrowed to those the stack uses. */
  public static final Set<String> DEFAULT_ENABLED_SERVICES =
      Set.of("serviceusage.googleapis.com", "storage.googleapis.com", "logging.googleapis.com");

  /**
   * Regions each regional product offers by default. NOTE: a sample of widely used regions, the
   * same for every product; it is not any product's real list.
   */
  public static final List<String> DEFAULT_OFFERED_REGIONS =
      List.of(
          "asia-east1",
          "asia-northeast1",
          "asia-southeast1",
          "australia-southeast1",
          "europe-west1",
          "europe-west2",
          "europe-west3",
          "northamerica-northeast1",
          "southamerica-east1",
          "us-central1",
          "us-east1",
          "us-east4",
          "us-west1");

  /** The products whose ListLocations the emulator serves, by API name. */
  public static final List<String> REGIONAL_PRODUCTS =
      List.of(
          "run.googleapis.com",
          "cloudtasks.googleapis.com",
          "cloudscheduler.googleapis.com",
          "artifactregistry.googleapis.com");

  public EmulatorConfig {
    requireText(projectId, "projectId");
    requireText(region, "region");
    requireText(callerPrincipal, "callerPrincipal");
    if (projectNumber <= 0) {
      throw new IllegalArgumentException("projectNumber must be positive, got " + projectNumber);
    }
    requirePort(grpcPort, "grpcPort");
    requirePort(storagePort, "storagePort");
    requirePort(serviceUrlPort, "serviceUrlPort");
    requireNotNegative(apiPropagationDelay, "apiPropagationDelay");
    requireNotNegative(serviceAccountVisibilityDelay, "serviceAccountVisibilityDelay");
    requireNotNegative(queueTombstonePeriod, "queueTombstonePeriod");
    requireNotNegative(jobExecutionDelay, "jobExecutionDelay");
    requireNotNegative(runRolloutDelay, "runRolloutDelay");
    if (!(clockAcceleration > 0)) {
      throw new IllegalArgumentException("clockAcceleration must be positive, got " + clockAcceleration);
    }
    if (!callerPrincipal.contains(":")) {
      throw new IllegalArgumentException(
          "callerPrincipal must be an IAM member such as user:name@example.com, got " + callerPrincipal);
    }
    takenBucketNames = Set.copyOf(Objects.requireNonNull(takenBucketNames, "takenBucketNames"));
    enabledServices = Set.copyOf(Objects.requireNonNull(enabledServices, "enabledServices"));
    offeredRegions = copyRegions(Objects.requireNonNull(offeredRegions, "offeredRegions"));
  }

  /** Returns the regions the product (an API name such as {@code cloudtasks.googleapis.com}) runs in. */
  public Set<String> offeredRegions(String api) {
    return offeredRegions.getOrDefault(api, Set.of());
  }

  private static Map<String, Set<String>> copyRegions(Map<String, Set<String>> regions) {
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    regions.forEach((api, offered) -> copy.put(api, Set.copyOf(offered)));
    return Map.copyOf(copy);
  }

  private static Map<String, Set<String>> defaultOfferedRegions() {
    Map<String, Set<String>> regions = new LinkedHashMap<>();
    REGIONAL_PRODUCTS.forEach(api -> regions.put(api, new LinkedHashSet<>(DEFAULT_OFFERED_REGIONS)));
    return regions;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this configuration's values. */
  public Builder toBuilder() {
    return new Builder()
        .projectId(projectId)
        .projectNumber(projectNumber)
        .region(region)
        .dataDir(dataDir)
        .grpcPort(grpcPort)
        .storagePort(storagePort)
        .serviceUrlPort(serviceUrlPort)
        .apiPropagationDelay(apiPropagationDelay)
        .serviceAccountVisibilityDelay(serviceAccountVisibilityDelay)
        .queueTombstonePeriod(queueTombstonePeriod)
        .jobExecutionDelay(jobExecutionDelay)
        .runRolloutDelay(runRolloutDelay)
        .clockAcceleration(clockAcceleration)
        .takenBucketNames(takenBucketNames)
        .offeredRegions(offeredRegions)
        .enabledServices(enabledServices)
        .callerPrincipal(callerPrincipal)
        .faultSeed(faultSeed);
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
  }

  private static void requirePort(int port, String field) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(field + " must be 0..65535, got " + port);
    }
  }

  private static void requireNotNegative(Duration value, String field) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(field + " must be zero or positive, got " + value);
    }
  }

  /** Mutable builder; starts from the defaults. */
  public static final class Builder {
    private String projectId = DEFAULT_PROJECT_ID;
    private long projectNumber = DEFAULT_PROJECT_NUMBER;
    private String region = DEFAULT_REGION;
    private Path dataDir;
    private int grpcPort;
    private int storagePort;
    private int serviceUrlPort;
    private Duration apiPropagationDelay = Duration.ZERO;
    private Duration serviceAccountVisibilityDelay = Duration.ZERO;
    // Cloud Tasks keeps a deleted queue's name for seven days.
    private Duration queueTombstonePeriod = Duration.ofDays(7);
    private Duration jobExecutionDelay = Duration.ofSeconds(1);
    private Duration runRolloutDelay = Duration.ofSeconds(1);
    private double clockAcceleration = 1.0;
    private Set<String> takenBucketNames = Set.of();
    private Map<String, Set<String>> offeredRegions = defaultOfferedRegions();
    private Set<String> enabledServices = DEFAULT_ENABLED_SERVICES;
    private String callerPrincipal = DEFAULT_CALLER;
    private long faultSeed = 42L;

    private Builder() {}

    public Builder projectId(String value) {
      this.projectId = value;
      return this;
    }

    public Builder projectNumber(long value) {
      this.projectNumber = value;
      return this;
    }

    public Builder region(String value) {
      this.region = value;
      return this;
    }

    public Builder dataDir(Path value) {
      this.dataDir = value;
      return this;
    }

    public Builder grpcPort(int value) {
      this.grpcPort = value;
      return this;
    }

    public Builder storagePort(int value) {
      this.storagePort = value;
      return this;
    }

    public Builder serviceUrlPort(int value) {
      this.serviceUrlPort = value;
      return this;
    }

    public Builder runRolloutDelay(Duration value) {
      this.runRolloutDelay = value;
      return this;
    }

    public Builder apiPropagationDelay(Duration value) {
      this.apiPropagationDelay = value;
      return this;
    }

    public Builder serviceAccountVisibilityDelay(Duration value) {
      this.serviceAccountVisibilityDelay = value;
      return this;
    }

    public Builder queueTombstonePeriod(Duration value) {
      this.queueTombstonePeriod = value;
      return this;
    }

    public Builder jobExecutionDelay(Duration value) {
      this.jobExecutionDelay = value;
      return this;
    }

    public Builder clockAcceleration(double value) {
      this.clockAcceleration = value;
      return this;
    }

    public Builder takenBucketNames(Set<String> value) {
      this.takenBucketNames = new LinkedHashSet<>(value);
      return this;
    }

    /** Replaces the regions of every product, keyed by API name. */
    public Builder offeredRegions(Map<String, Set<String>> value) {
      this.offeredRegions = new LinkedHashMap<>(value);
      return this;
    }

    /** Replaces the regions one product (an API name) runs in, for example to drop one. */
    public Builder offeredRegions(String api, Set<String> regions) {
      this.offeredRegions.put(api, new LinkedHashSet<>(regions));
      return this;
    }

    public Builder enabledServices(Set<String> value) {
      this.enabledServices = new LinkedHashSet<>(value);
      return this;
    }

    public Builder callerPrincipal(String value) {
      this.callerPrincipal = value;
      return this;
    }

    public Builder faultSeed(long value) {
      this.faultSeed = value;
      return this;
    }

    public EmulatorConfig build() {
      return new EmulatorConfig(
          projectId,
          projectNumber,
          region,
          dataDir,
          grpcPort,
          storagePort,
          serviceUrlPort,
          apiPropagationDelay,
          serviceAccountVisibilityDelay,
          queueTombstonePeriod,
          jobExecutionDelay,
          runRolloutDelay,
          clockAcceleration,
          takenBucketNames,
          offeredRegions,
          enabledServices,
          callerPrincipal,
          faultSeed);
    }
  }
}
