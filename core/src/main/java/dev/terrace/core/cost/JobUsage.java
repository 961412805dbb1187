package dev.terrace.core.cost;

import java.math.BigDecimal;

/**
 * How often a Cloud Run job runs and for how long.
 *
 * @param executionsPerMonth executions started in a month, each with the job's task count
 * @param durationSeconds mean run time of one task in seconds
 */
public record JobUsage(BigDecimal executionsPerMonth, BigDecimal durationSeconds) {

    public JobUsage {
        Usage.requireNonNegative(executionsPerMonth, "executions_per_month");
        Usage.requireNonNegative(durationSeconds, "duration_seconds");
    }
}
