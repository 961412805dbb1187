package dev.terrace.desktop.status;

import dev.terrace.core.model.Address;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.model.Resource;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.core.port.ResourceStatus.Health;
import dev.terrace.desktop.model.ResourceCondition;

/**
 * One line of the status dashboard.
 *
 * @param health the health of the last read, or null before the first read
 * @param summary the last read's summary; for a failed read, why it failed
 * @param url the service URL, empty for other kinds and before the first read
 * @param details the details that matter for the kind, on one line
 * @param allDetails the last read's summary, then each of its details as {@code key: value}, one per line
 */
public record StatusRow(Address address, Chapter chapter, ResourceCondition condition, Health health,
        String summary, String url, String details, String allDetails) {

    static StatusRow of(Resource resource, ResourceCondition condition, ResourceStatus status) {
        if (status == null) {
            return new StatusRow(resource.address(), resource.chapter(), condition, null, "", "", "", "");
        }
        return new StatusRow(resource.address(), resource.chapter(), condition, status.health(), status.summary(),
                status.details().getOrDefault("uri", ""), StatusDetails.describe(status), StatusDetails.all(status));
    }

    /** Returns whether the row needs attention: drift, an error or a missing resource. */
    public boolean needsAttention() {
        return highlight() != null;
    }

    /**
     * Returns how to highlight the row: ERROR, DRIFT or MISSING, else null. A status read after
     * the last plan counts too, so a resource deleted since that plan shows as missing.
     */
    public ResourceCondition highlight() {
        if (condition == ResourceCondition.ERROR || health == Health.FAILED) {
            return ResourceCondition.ERROR;
        }
        if (condition == ResourceCondition.DRIFT) {
            return ResourceCondition.DRIFT;
        }
        if (condition == ResourceCondition.MISSING || health == Health.MISSING) {
            return ResourceCondition.MISSING;
        }
        return null;
    }
}
