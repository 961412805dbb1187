package dev.terrace.emulator;

import com.google.iam.v1.Policy;
import dev.terrace.emulator.artifactregistry.ArtifactRegistryState;
import dev.terrace.emulator.iam.ServiceAccountState;
import dev.terrace.emulator.logging.LogStore;
import dev.terrace.emulator.longrunning.OperationsRegistry;
import dev.terrace.emulator.resourcemanager.ProjectState;
import dev.terrace.emulator.secretmanager.SecretManagerState;
import dev.terrace.emulator.serviceusage.ServiceUsageState;
import dev.terrace.emulator.storage.StorageState;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Everything the emulated project holds, shared by all services. One lock guards it all, because
 * calls are few and a single lock keeps cross-service checks and snapshots consistent. Read through
 * {@link #read}, change through {@link #write} (which also schedules a snapshot).
 */
public final class World {
  private final EmulatorConfig config;
  private final EmulatorClock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, StateSection> sections = new LinkedHashMap<>();
  private volatile boolean changed;

  private final OperationsRegistry operations;
  private final ServiceUsageState services;
  private final ProjectState project;
  private final ServiceAccountState serviceAccounts;
  private final ArtifactRegistryState artifactRegistry;
  private final SecretManagerState secrets;
  private final StorageState storage;
  private final LogStore logs;

  World(EmulatorConfig config, EmulatorClock clock) {
    this.config = config;
    this.clock = clock;
    this.operations = addSection(new OperationsRegistry(this));
    this.services = addSection(new ServiceUsageState(this));
    this.project = addSection(new ProjectState(this));
    this.serviceAccounts = addSection(new ServiceAccountState(this));
    this.artifactRegistry = addSection(new ArtifactRegistryState(this));
    this.secrets = addSection(new SecretManagerState(this));
    this.storage = addSection(new StorageState(this));
    this.logs = addSection(new LogStore(this));
  }

  public EmulatorConfig config() {
    return config;
  }

  public EmulatorClock clock() {
    return clock;
  }

  public String projectId() {
    return config.projectId();
  }

  public long projectNumber() {
    return config.projectNumber();
  }

  /** Returns {@code projects/PROJECT_ID}. */
  public String projectName() {
    return "projects/" + config.projectId();
  }

  /** Returns the IAM member every call is made as. */
  public String caller() {
    return config.callerPrincipal();
  }

  /** Runs the reader under the world's lock. */
  public <T> T read(Supplier<T> reader) {
    lock.lock();
    try {
      return reader.get();
    } finally {
      lock.unlock();
    }
  }

  /** Runs the change under the world's lock and marks the world changed for the next snapshot. */
  public <T> T write(Supplier<T> change) {
    lock.lock();
    try {
      changed = true;
      return change.get();
    } finally {
      lock.unlock();
    }
  }

  /** Runs the change under the world's lock; see {@link #write(Supplier)}. */
  public void update(Runnable change) {
    write(
        () -> {
          change.run();
          return null;
        });
  }

  /**
   * Adds a section to snapshots. Services outside this package (Cloud Run, Tasks, Scheduler) add
   * theirs from their {@link EmulatorModule}, before the snapshot is loaded.
   */
  public <T extends StateSection> T addSection(T section) {
    lock.lock();
    try {
      if (sections.putIfAbsent(section.sectionName(), section) != null) {
        throw new IllegalStateException("two state sections are named " + section.sectionName());
      }
      return section;
    } finally {
      lock.unlock();
    }
  }

  /** Returns the section added under this name, so one module can reach another's state. */
  public <T extends StateSection> T section(String name, Class<T> type) {
    StateSection found = read(() -> sections.get(name));
    if (found == null) {
      throw new IllegalArgumentException("no state section is named " + name);
    }
    return type.cast(found);
  }

  Collection<StateSection> sections() {
    return sections.values();
  }

  boolean takeChanged() {
    boolean was = changed;
    changed = false;
    return was;
  }

  public OperationsRegistry operations() {
    return operations;
  }

  /** Service Usage: which APIs are enabled, and since when they take effect. */
  public ServiceUsageState services() {
    return services;
  }

  /** Resource Manager: the project and its IAM policy. */
  public ProjectState project() {
    return project;
  }

  /** IAM admin: service accounts and their policies. */
  public ServiceAccountState serviceAccounts() {
    return serviceAccounts;
  }

  public ArtifactRegistryState artifactRegistry() {
    return artifactRegistry;
  }

  public SecretManagerState secrets() {
    return secrets;
  }

  public StorageState storage() {
    return storage;
  }

  /** Cloud Logging entries; any service writes its own entries here. */
  public LogStore logs() {
    return logs;
  }

  /**
   * Fails with the real SERVICE_DISABLED error unless the API is enabled and its propagation delay
   * has passed.
   */
  public void requireEnabled(String api) {
    if (!services.isEffective(api)) {
      throw GrpcErrors.serviceDisabled(api, projectNumber());
    }
  }

  /** Returns whether the project policy grants the permission to the member. */
  public boolean projectGrants(String member, String permission) {
    return Permissions.granted(member, permission, project.policy());
  }

  /**
   * Returns whether the member may run things as the service account
   * ({@code iam.serviceAccounts.actAs}), granted on the project or on the account itself.
   */
  public boolean mayActAs(String member, String serviceAccountEmail) {
    Policy accountPolicy = serviceAccounts.policyOf(serviceAccountEmail).orElse(null);
    return Permissions.granted(member, "iam.serviceAccounts.actAs", project.policy(), accountPolicy);
  }

  /**
   * Returns whether the member may read the secret's values
   * ({@code secretmanager.versions.access}), granted on the project or on the secret.
   *
   * @param secretName {@code projects/P/secrets/NAME}; a project number in place of the id also works
   */
  public boolean mayAccessSecret(String member, String secretName) {
    Policy secretPolicy = secrets.policyOf(secretName).orElse(null);
    return Permissions.granted(member, "secretmanager.versions.access", project.policy(), secretPolicy);
  }
}
