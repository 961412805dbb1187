package dev.terrace.core.cost;

import dev.terrace.core.model.Address;
import dev.terrace.core.model.Chapter;
import java.math.BigDecimal;

/**
 * One resource's monthly cost for one price item, with the figures it came from. Amounts are
 * unrounded; {@link Figures} rounds them for display.
 *
 * @param service the Google Cloud service that bills it, such as {@code Cloud Run}
 * @param itemId the price book item, such as {@code run_request_cpu}
 * @param quantity the month's quantity in {@code unit}
 * @param basis how the quantity follows from the stack and the usage
 * @param unitPrice USD per unit in the stack's price tier
 * @param freeApplied units of the account's free allowance credited to this line
 * @param freeUnitPrice USD per unit the free allowance is credited at (tier 1 for Cloud Run)
 * @param freeShare this line's share of its item's pooled free allowance, from 0 to 1
 * @param poolSize how many lines share the item's free allowance
 * @param cost USD per month: quantity × unit price − free applied × free unit price, never below zero
 * @param formula the computation above in words and figures, for display
 * @param estimatedPrice whether the price book marks the price as an estimate
 */
public record LineItem(
        Address address,
        Chapter chapter,
        String service,
        String itemId,
        String description,
        String unit,
        BigDecimal quantity,
        String basis,
        BigDecimal unitPrice,
        BigDecimal freeApplied,
        BigDecimal freeUnitPrice,
        BigDecimal freeShare,
        int poolSize,
        BigDecimal cost,
        String formula,
        boolean estimatedPrice) {
}
