package dev.terrace.core.cost;

import java.math.BigDecimal;

/**
 * The data one Cloud Storage bucket stores and serves in a month.
 *
 * @param storageGb mean GB stored over the month
 * @param egressGb GB served to the internet
 * @param classAOperations writes and listings (Class A operations)
 * @param classBOperations reads (Class B operations)
 */
public record BucketUsage(BigDecimal storageGb, BigDecimal egressGb, BigDecimal classAOperations,
        BigDecimal classBOperations) {

    public BucketUsage {
        Usage.requireNonNegative(storageGb, "storage_gb");
        Usage.requireNonNegative(egressGb, "egress_gb");
        Usage.requireNonNegative(classAOperations, "class_a_operations");
        Usage.requireNonNegative(classBOperations, "class_b_operations");
    }

    /** Returns a copy with another amount stored, for a what-if on storage. */
    public BucketUsage withStorageGb(BigDecimal gb) {
        return new BucketUsage(gb, egressGb, classAOperations, classBOperations);
    }
}
