package dev.terrace.core.port;

import java.util.Map;
import java.util.TreeMap;

/**
 * The live state of one resource as status polling sees it.
 *
 * @param details the facts that matter for the kind, such as {@code uri} and {@code ready_revision}
 *     of a service or {@code last_execution} of a job
 */
public record ResourceStatus(Health health, String summary, Map<String, String> details) {

    public ResourceStatus {
        details = details == null ? Map.of() : Map.copyOf(new TreeMap<>(details));
    }

    /** How a resource is doing. */
    public enum Health {
        READY,
        RECONCILING,
        FAILED,
        PAUSED,
        MISSING,
        UNKNOWN
    }
}
