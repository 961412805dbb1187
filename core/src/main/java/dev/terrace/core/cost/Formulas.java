package dev.terrace.core.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Writes a line item's computation, such as {@code 441,600 vCPU-s × $0.0000216 − 240,000 vCPU-s free × $0.000018}. */
final class Formulas {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Formulas() {
    }

    static String line(PriceItem item, String tier, String region, BigDecimal quantity, BigDecimal freeApplied,
            BigDecimal share, int poolSize) {
        StringBuilder formula = new StringBuilder()
                .append(Figures.quantity(quantity)).append(' ').append(item.unit())
                .append(" × ").append(priceText(item, tier));
        if (freeApplied.signum() > 0) {
            formula.append(" − ").append(Figures.quantity(freeApplied)).append(' ').append(item.unit()).append(" free");
            if (item.freeCreditTier() != null && !item.freeCreditTier().equals(tier)) {
                formula.append(" × ").append(priceText(item, item.freeCreditTier()));
            }
            if (poolSize > 1) {
                formula.append(" (").append(percent(share)).append(" of the account's ").append(Figures.quantity(item.freeIn(region))).append(' ')
                        .append(item.unit()).append(" free)");
            }
        } else if (item.free().signum() > 0 && item.freeIn(region).signum() == 0) {
            formula.append(" (no free tier in ").append(region).append(')');
        }
        return formula.toString();
    }

    /** Returns a share as a whole percentage, or {@code <1%} for a share that would round to zero. */
    private static String percent(BigDecimal share) {
        BigDecimal percent = share.multiply(HUNDRED).setScale(0, RoundingMode.HALF_UP);
        return percent.signum() == 0 && share.signum() > 0 ? "<1%" : percent.toPlainString() + "%";
    }

    /** Returns the price as the book writes it: {@code $0.0000336}, or {@code $0.40/1,000,000} for a bulk price. */
    private static String priceText(PriceItem item, String tier) {
        BigDecimal bulk = item.prices().get(tier);
        if (item.per().compareTo(BigDecimal.ONE) == 0) {
            return Figures.price(bulk);
        }
        return Figures.price(bulk) + "/" + Figures.quantity(item.per());
    }
}
