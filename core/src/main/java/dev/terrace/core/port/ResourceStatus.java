package dev.terrace.core.port;

import java.util.Map;
import java.util.TreeMap;

/**
 * The live state of one resource as status polling reads it.
 *
 * @param details the facts that matter for the kind, such as {@code uri} and {@code ready_revision}
 *     of a service or {@code last_execution} of a job
 */
public record ResourceStatus(Health health, String summary, Map<String, String> details) {

    public ResourceStatus {
        details = details == null ? Map.of() : Map.copyOf(new TreeMap<>(details));
    }

    /** The health of a resource. */
    public enum Health {
        READY,
        RECONCILING,
        FAILED,
        PAUSED,
        MISSING,
        UNKNOWN
    }
}
