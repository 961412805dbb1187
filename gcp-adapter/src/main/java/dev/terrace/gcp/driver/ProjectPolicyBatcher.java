package dev.terrace.gcp.driver;

import com.google.cloud.resourcemanager.v3.ProjectsClient;
import com.google.iam.v1.Binding;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.GetPolicyOptions;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.gcp.error.ErrorTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes the project's IAM policy for many members at once. The applier calls project grants in
 * parallel. Each call queues its change, and whichever call holds the lock writes every queued
 * change in one read-modify-write with the etag. So no write replaces another's binding, and ten
 * grants cost one or two writes rather than ten.
 */
final class ProjectPolicyBatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectPolicyBatcher.class);

    private final ProjectsClient projects;
    private final String resource;
    private final ReentrantLock writer = new ReentrantLock();
    private final List<Change> queue = new ArrayList<>();

    ProjectPolicyBatcher(ProjectsClient projects, String project) {
        this.projects = projects;
        this.resource = "projects/" + project;
    }

    /** Reads the project's policy. */
    Policy read() {
        return Calls.call("read the IAM policy of " + resource, () -> projects.getIamPolicy(
                GetIamPolicyRequest.newBuilder().setResource(resource)
                        .setOptions(GetPolicyOptions.newBuilder().setRequestedPolicyVersion(3)).build()));
    }

    /** Grants a role to a member; returns once the write that contains it succeeded. */
    void add(String role, String member) {
        submit(new Change(role, member, true));
    }

    /** Removes a member from a role; raises NOT_FOUND when the member does not hold it. */
    void remove(String role, String member) {
        submit(new Change(role, member, false));
    }

    private void submit(Change change) {
        synchronized (queue) {
            queue.add(change);
        }
        writer.lock();
        try {
            if (!change.result.isDone()) {
                List<Change> batch;
                synchronized (queue) {
                    batch = new ArrayList<>(queue);
                    queue.clear();
                }
                try {
                    writeBatch(batch);
                } catch (RuntimeException failed) {
                    // Every queued caller waits on its result, so none may be left without one.
                    CloudException translated = ErrorTranslator.translate("write IAM changes to " + resource, failed);
                    batch.forEach(queued -> queued.result.complete(translated));
                }
            }
        } finally {
            writer.unlock();
        }
        CloudException failure = change.result.join();
        if (failure != null) {
            throw failure;
        }
    }

    private void writeBatch(List<Change> batch) {
        String action = "write " + batch.size() + " IAM change(s) to " + resource;
        for (int attempt = 1; ; attempt++) {
            Policy current = read();
            List<Change> missing = new ArrayList<>();
            Policy merged = apply(current, batch, missing);
            try {
                if (!merged.equals(current)) {
                    Calls.call(action, () -> projects.setIamPolicy(SetIamPolicyRequest.newBuilder()
                            .setResource(resource).setPolicy(merged).build()));
                }
                LOG.info("Wrote {} in attempt {}", action, attempt);
                for (Change change : batch) {
                    change.result.complete(missing.contains(change) ? notFound(change) : null);
                }
                return;
            } catch (CloudException failed) {
                if (failed.category() == ErrorCategory.CONFLICT && attempt < ResourcePolicy.ATTEMPTS) {
                    LOG.info("Project IAM policy changed during {} (attempt {}); reading it again", action, attempt);
                    continue;
                }
                batch.forEach(change -> change.result.complete(failed));
                return;
            }
        }
    }

    /** Returns the policy with every change applied; removals of absent members go to {@code missing}. */
    private static Policy apply(Policy current, List<Change> batch, List<Change> missing) {
        Policy.Builder merged = current.toBuilder();
        for (Change change : batch) {
            int index = unconditionedBinding(merged, change.role);
            if (change.grant) {
                if (index < 0) {
                    merged.addBindings(Binding.newBuilder().setRole(change.role).addMembers(change.member));
                } else if (!merged.getBindings(index).getMembersList().contains(change.member)) {
                    merged.setBindings(index, merged.getBindings(index).toBuilder().addMembers(change.member));
                }
                continue;
            }
            if (index < 0 || !merged.getBindings(index).getMembersList().contains(change.member)) {
                missing.add(change);
                continue;
            }
            List<String> members = new ArrayList<>(merged.getBindings(index).getMembersList());
            members.remove(change.member);
            if (members.isEmpty()) {
                merged.removeBindings(index);
            } else {
                merged.setBindings(index, merged.getBindings(index).toBuilder().clearMembers().addAllMembers(members));
            }
        }
        return merged.build();
    }

    private static int unconditionedBinding(Policy.Builder policy, String role) {
        for (int index = 0; index < policy.getBindingsCount(); index++) {
            Binding binding = policy.getBindings(index);
            if (binding.getRole().equals(role) && !binding.hasCondition()) {
                return index;
            }
        }
        return -1;
    }

    private CloudException notFound(Change change) {
        return new CloudException(ErrorCategory.NOT_FOUND, change.member + " does not hold " + change.role + " on "
                + resource + ".");
    }

    /** One queued grant or removal and the outcome its caller waits for. */
    private static final class Change {
        final String role;
        final String member;
        final boolean grant;
        final CompletableFuture<CloudException> result = new CompletableFuture<>();

        Change(String role, String member, boolean grant) {
            this.role = role;
            this.member = member;
            this.grant = grant;
        }
    }
}
