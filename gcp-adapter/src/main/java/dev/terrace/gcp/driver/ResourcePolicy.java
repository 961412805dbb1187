package dev.terrace.gcp.driver;

import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import dev.terrace.core.port.CloudException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IAM policy of one object (a secret, a Cloud Run service or job), changed by one
 * read-modify-write with the policy's etag. A stale etag re-reads and tries again.
 */
final class ResourcePolicy {

    /** Attempts of one read-modify-write before a conflict is given to the applier's retry. */
    static final int ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(ResourcePolicy.class);

    private ResourcePolicy() {
    }

    /** Returns the members of each role, for the bindings without a condition. */
    static Map<String, List<String>> roles(Policy policy) {
        Map<String, List<String>> roles = new TreeMap<>();
        for (Binding binding : policy.getBindingsList()) {
            if (!binding.hasCondition() && binding.getMembersCount() > 0) {
                Set<String> members = new TreeSet<>(roles.getOrDefault(binding.getRole(), List.of()));
                members.addAll(binding.getMembersList());
                roles.put(binding.getRole(), List.copyOf(members));
            }
        }
        return roles;
    }

    /**
     * Makes the roles in {@code desired} and {@code previouslyOwned} hold exactly the desired
     * members, leaving every other role as it is.
     */
    static void write(String action, Supplier<Policy> read, Function<Policy, Policy> set,
            Map<String, List<String>> desired, Set<String> previouslyOwned) {
        for (int attempt = 1; ; attempt++) {
            try {
                Policy current = Calls.call("read the IAM policy to " + action, read);
                Policy merged = merge(current, desired, previouslyOwned);
                if (!merged.equals(current)) {
                    Calls.call(action, () -> set.apply(merged));
                }
                return;
            } catch (CloudException failed) {
                retryOrThrow(action, attempt, failed);
            }
        }
    }

    /**
     * Lets a retryable failure of a policy write try again from a fresh read. The write follows a
     * create, so raising it would make the applier repeat the create, which then finds its object.
     */
    static void retryOrThrow(String action, int attempt, CloudException failed) {
        if (!failed.retryable() || attempt >= ATTEMPTS) {
            throw failed;
        }
        LOG.info("{} failed as {} (attempt {} of {}); reading the policy again", action, failed.category(), attempt,
                ATTEMPTS);
        try {
            Thread.sleep(failed.retryDelay().orElse(Duration.ofMillis(100L * attempt)).toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failed;
        }
    }

    static Policy merge(Policy current, Map<String, List<String>> desired, Set<String> previouslyOwned) {
        Set<String> owned = new TreeSet<>(previouslyOwned);
        owned.addAll(desired.keySet());
        Policy.Builder merged = current.toBuilder().clearBindings();
        for (Binding binding : current.getBindingsList()) {
            if (binding.hasCondition() || !owned.contains(binding.getRole())) {
                merged.addBindings(binding);
            }
        }
        desired.forEach((role, members) -> {
            if (!members.isEmpty()) {
                merged.addBindings(Binding.newBuilder().setRole(role).addAllMembers(new TreeSet<>(members)));
            }
        });
        return sameBindings(current, merged.build()) ? current : merged.build();
    }

    private static boolean sameBindings(Policy left, Policy right) {
        return roles(left).equals(roles(right)) && conditioned(left).equals(conditioned(right));
    }

    private static Set<String> conditioned(Policy policy) {
        Set<String> text = new TreeSet<>();
        policy.getBindingsList().stream().filter(Binding::hasCondition).forEach(binding -> text.add(binding.toString()));
        return text;
    }
}
