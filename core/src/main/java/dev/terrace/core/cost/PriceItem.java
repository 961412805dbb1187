package dev.terrace.core.cost;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One priced quantity of the price book, such as Cloud Run's request-based CPU.
 *
 * @param id the item's key in the price book, such as {@code run_request_cpu}
 * @param unit the unit of quantities, such as {@code vCPU-s}
 * @param per how many units a price is for: 1, or 1,000,000 for a price per million requests
 * @param prices USD per {@code per} units, by price tier
 * @param free the monthly free allowance in units, once per billing account (or project)
 * @param freeScope {@code billing_account} or {@code project}
 * @param freeRegions the regions where the allowance applies; empty means every region
 * @param freeCreditTier the tier whose price values the allowance, or null for the stack's tier
 * @param estimatedTiers the tiers whose price is an estimate rather than a published list price
 * @param checked the month the figures were read from {@code source}
 */
public record PriceItem(
        String id,
        String service,
        String description,
        String unit,
        BigDecimal per,
        Map<String, BigDecimal> prices,
        BigDecimal free,
        String freeScope,
        List<String> freeRegions,
        String freeCreditTier,
        List<String> estimatedTiers,
        String source,
        YearMonth checked) {

    public PriceItem {
        Objects.requireNonNull(id, "id");
        prices = Map.copyOf(prices);
        freeRegions = List.copyOf(freeRegions);
        estimatedTiers = List.copyOf(estimatedTiers);
    }

    /** Returns the price of one unit in a tier. */
    public BigDecimal unitPrice(String tier) {
        return Optional.ofNullable(prices.get(tier)).orElseThrow(() -> new IllegalArgumentException(
                "Price item " + id + " has no price for tier " + tier)).divide(per, PriceMath.CONTEXT);
    }

    /** Returns the price of one unit of the free allowance: the credit tier's price, else the stack tier's. */
    public BigDecimal creditUnitPrice(String tier) {
        return unitPrice(freeCreditTier == null ? tier : freeCreditTier);
    }

    /** Returns whether the price in {@code tier} is an estimate. */
    public boolean estimatedIn(String tier) {
        return estimatedTiers.contains(tier);
    }

    /** Returns the free allowance for a stack in {@code region}: zero outside {@link #freeRegions}. */
    public BigDecimal freeIn(String region) {
        return freeRegions.isEmpty() || freeRegions.contains(region) ? free : BigDecimal.ZERO;
    }
}
