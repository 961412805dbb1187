package dev.terrace.emulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.iam.admin.v1.ServiceAccount;
import com.google.iam.v1.Policy;
import dev.terrace.emulator.IamPolicies;
import dev.terrace.emulator.ProtoJson;
import dev.terrace.emulator.StateSection;
import dev.terrace.emulator.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The project's service accounts, deleted ones included (they can be undeleted by unique id), each
 * with its own IAM policy.
 */
public final class ServiceAccountState implements StateSection {
  private final World world;
  private final Map<String, Account> accounts = new LinkedHashMap<>();

  /** One service account and what the emulator tracks about it. */
  public static final class Account {
    ServiceAccount account;
    Instant createdAt;
    Instant deletedAt;
    Policy policy;

    public ServiceAccount account() {
      return account;
    }

    public Instant createdAt() {
      return createdAt;
    }

    public boolean deleted() {
      return deletedAt != null;
    }

    public Policy policy() {
      return policy;
    }
  }

  public ServiceAccountState(World world) {
    this.world = world;
  }

  /** Returns the email an account id gets in this project. */
  public String emailOf(String accountId) {
    return accountId + "@" + world.projectId() + ".iam.gserviceaccount.com";
  }

  /** Creates an account; the caller checks that the id is valid and free. */
  public Account create(String accountId, String displayName, String description) {
    return world.write(() -> {
      String email = emailOf(accountId);
      String uniqueId = newUniqueId();
      Account created = new Account();
      created.account =
          ServiceAccount.newBuilder()
              .setName("projects/" + world.projectId() + "/serviceAccounts/" + email)
              .setProjectId(world.projectId())
              .setUniqueId(uniqueId)
              .setEmail(email)
              .setDisplayName(displayName)
              .setDescription(description)
              .setOauth2ClientId(uniqueId)
              .setEtag(IamPolicies.newEtag())
              .build();
      created.createdAt = world.clock().instant();
      created.policy = IamPolicies.empty();
      accounts.put(email, created);
      return created;
    });
  }

  /** Finds a live or deleted account by email or unique id. */
  public Optional<Account> find(String emailOrUniqueId) {
    return world.read(() -> {
      Account byEmail = accounts.get(emailOrUniqueId);
      if (byEmail != null) {
        return Optional.of(byEmail);
      }
      return accounts.values().stream().filter(a -> a.account.getUniqueId().equals(emailOrUniqueId)).findFirst();
    });
  }

  /** Returns whether a live account with this email exists (visible or not yet). */
  public boolean exists(String email) {
    return find(email).filter(a -> !a.deleted()).isPresent();
  }

  /**
   * Returns whether a live account with this email exists and its visibility window has passed,
   * which is when other services (Cloud Run, IAM bindings) accept it.
   */
  public boolean isVisible(String email) {
    return find(email).filter(a -> !a.deleted()).map(this::isVisible).orElse(false);
  }

  /** Returns whether the account's visibility window after creation has passed. */
  public boolean isVisible(Account account) {
    Instant visibleAt = account.createdAt.plus(world.config().serviceAccountVisibilityDelay());
    return !world.clock().instant().isBefore(visibleAt);
  }

  public List<Account> live() {
    return world.read(() -> {
      List<Account> found = new ArrayList<>();
      for (Account account : accounts.values()) {
        if (!account.deleted()) {
          found.add(account);
        }
      }
      return found;
    });
  }

  public void update(Account target, ServiceAccount changed) {
    world.update(() -> target.account = changed.toBuilder().setEtag(IamPolicies.newEtag()).build());
  }

  public void delete(Account target) {
    world.update(() -> target.deletedAt = world.clock().instant());
  }

  public void undelete(Account target) {
    world.update(() -> target.deletedAt = null);
  }

  /** Returns the live account's IAM policy, or empty when there is no such account. */
  public Optional<Policy> policyOf(String email) {
    return find(email).filter(a -> !a.deleted()).map(a -> a.policy);
  }

  /** Stores a setIamPolicy request on the account; fails with ABORTED on a stale etag. */
  public Policy setPolicy(Account target, Policy requested) {
    return world.write(() -> {
      target.policy = IamPolicies.replace(target.policy, requested);
      return target.policy;
    });
  }

  private String newUniqueId() {
    // Real unique ids are 21 decimal digits starting with 1.
    StringBuilder digits = new StringBuilder("1");
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 20; i++) {
      digits.append(random.nextInt(10));
    }
    return digits.toString();
  }

  @Override
  public String sectionName() {
    return "serviceAccounts";
  }

  @Override
  public JsonNode save() {
    ArrayNode saved = ProtoJson.MAPPER.createArrayNode();
    for (Account account : accounts.values()) {
      ObjectNode node = saved.addObject();
      node.set("account", ProtoJson.toJson(account.account));
      node.put("createdAt", account.createdAt.toString());
      if (account.deletedAt != null) {
        node.put("deletedAt", account.deletedAt.toString());
      }
      node.set("policy", ProtoJson.toJson(account.policy));
    }
    return saved;
  }

  @Override
  public void load(JsonNode saved) {
    accounts.clear();
    for (JsonNode node : saved) {
      Account account = new Account();
      account.account = ProtoJson.fromJson(node.get("account"), ServiceAccount.newBuilder());
      account.createdAt = Instant.parse(node.get("createdAt").asText());
      account.deletedAt = node.hasNonNull("deletedAt") ? Instant.parse(node.get("deletedAt").asText()) : null;
      account.policy = ProtoJson.fromJson(node.get("policy"), Policy.newBuilder());
      accounts.put(account.account.getEmail(), account);
    }
  }
}
