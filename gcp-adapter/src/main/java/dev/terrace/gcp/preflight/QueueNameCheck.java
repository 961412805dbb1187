package dev.terrace.gcp.preflight;

import com.google.cloud.tasks.v2.ResumeQueueRequest;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.diag.Severity;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.spec.TasksQueueSpec;
import dev.terrace.gcp.error.ErrorTranslator;
import java.util.ArrayList;
import java.util.List;

/**
 * Cloud Tasks keeps the name of a deleted queue locked for up to 7 days, and a create in that
 * time fails. Get reports such a queue as missing, but a queue method on it returns
 * FAILED_PRECONDITION instead of NOT_FOUND, so the two cases differ.
 *
 * <p>NOTE: this difference is checked against the emulator only. If Cloud Tasks returned
 * FAILED_PRECONDITION for every missing queue, this check would report names that are free.
 */
final class QueueNameCheck implements PreflightCheck {

    @Override
    public String name() {
        return "queue-name";
    }

    @Override
    public List<Diagnostic> check(PreflightContext context) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (!context.readable(ResourceKind.TASKS_QUEUE)) {
            return diagnostics;
        }
        for (ResourceChange change : context.writes(ResourceKind.TASKS_QUEUE)) {
            if (change.action() != Action.CREATE) {
                continue;
            }
            TasksQueueSpec queue = (TasksQueueSpec) change.desired();
            if (recentlyDeleted(context, queue)) {
                diagnostics.add(new Diagnostic(Severity.ERROR, "Queue name " + queue.name() + " is still locked",
                        "A queue named " + queue.name() + " in " + queue.location() + " was deleted recently, and "
                                + "Cloud Tasks keeps the name locked for up to 7 days after a delete.",
                        "Give " + change.address() + " another name in the stack file, or wait until the lock "
                                + "ends and plan again.", change.address(), null, "name", queue.name()));
            }
        }
        return diagnostics;
    }

    /**
     * Probes the name with ResumeQueue. It is called only after refresh found no queue, so there is
     * no queue it could change.
     */
    private static boolean recentlyDeleted(PreflightContext context, TasksQueueSpec queue) {
        String name = "projects/" + context.project() + "/locations/" + queue.location() + "/queues/" + queue.name();
        try {
            ErrorTranslator.call("check whether queue " + queue.name() + " was deleted recently", () -> context
                    .gateway().clients().tasks().resumeQueue(ResumeQueueRequest.newBuilder().setName(name).build()));
            return false;
        } catch (CloudException failed) {
            if (failed.category() == ErrorCategory.FAILED_PRECONDITION) {
                return true;
            }
            if (failed.category() == ErrorCategory.NOT_FOUND) {
                return false;
            }
            throw failed;
        }
    }
}
