package dev.terrace.core.cost;

import dev.terrace.core.diag.Messages;
import dev.terrace.core.stack.Stack;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices a stack for one month. A pure function of the stack, the usage and the price book: it
 * calls nothing and keeps no state, so a view may call it on every slider change.
 *
 * <p>Free allowances are pooled once per billing account: an item's allowance is credited against
 * the item's total quantity over the whole stack, and the credit is shared among the resources in
 * proportion to their quantities. A line that shares the pool with others states its share in its formula.
 */
public final class CostEstimator {

    private CostEstimator() {
    }

    /** Estimates the stack's monthly cost, biggest line items first. */
    public static Estimate estimate(Stack stack, Usage usage, PriceBook book) {
        String region = stack.settings().region();
        boolean listed = book.tierOf(region).isPresent();
        String tier = book.tierOf(region).orElse(PriceBook.FALLBACK_TIER);

        Map<String, List<Demand>> byItem = new LinkedHashMap<>();
        for (Demand demand : Meters.measure(stack, usage)) {
            byItem.computeIfAbsent(demand.itemId(), id -> new ArrayList<>()).add(demand);
        }

        List<LineItem> lines = new ArrayList<>();
        byItem.forEach((itemId, demands) -> lines.addAll(price(book.item(itemId), demands, region, tier)));

        return new Estimate(stack.name(), region, tier, listed, book.version(), book.checked(), book.currency(),
                lines, notes(lines, region, listed, tier));
    }

    /**
     * Prices the demands of one item. The account's credit is min(total × price, allowance ×
     * credit price), which keeps a tier 2 total from going below zero when the allowance is
     * credited at tier 1 prices.
     */
    private static List<LineItem> price(PriceItem item, List<Demand> demands, String region, String tier) {
        BigDecimal unitPrice = item.unitPrice(tier);
        BigDecimal creditPrice = item.creditUnitPrice(tier);
        BigDecimal allowance = item.freeIn(region);
        BigDecimal total = demands.stream().map(Demand::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal gross = total.multiply(unitPrice);
        BigDecimal credit = gross.min(allowance.multiply(creditPrice));

        List<LineItem> lines = new ArrayList<>();
        for (Demand demand : demands) {
            BigDecimal share = total.signum() == 0 ? BigDecimal.ZERO
                    : demand.quantity().divide(total, PriceMath.CONTEXT);
            BigDecimal lineCredit = credit.multiply(share);
            BigDecimal freeApplied = creditPrice.signum() == 0 ? BigDecimal.ZERO
                    : lineCredit.divide(creditPrice, PriceMath.CONTEXT);
            BigDecimal cost = demand.quantity().multiply(unitPrice).subtract(lineCredit).max(BigDecimal.ZERO);
            String formula = Formulas.line(item, tier, region, demand.quantity(), freeApplied, share, demands.size());
            lines.add(new LineItem(demand.address(), demand.chapter(), item.service(), item.id(), item.description(),
                    item.unit(), demand.quantity(), demand.basis(), unitPrice, freeApplied, creditPrice, share,
                    demands.size(), cost, formula, item.estimatedIn(tier)));
        }
        return lines;
    }

    private static List<String> notes(List<LineItem> lines, String region, boolean listed, String tier) {
        List<String> notes = new ArrayList<>();
        if (!listed) {
            notes.add(Messages.get("cost.note.region_unlisted", region, tier));
        }
        List<String> estimated = lines.stream().filter(line -> line.estimatedPrice() && line.quantity().signum() > 0)
                .map(line -> line.service() + " " + line.description() + " in " + tier).distinct().toList();
        if (!estimated.isEmpty()) {
            notes.add(Messages.get("cost.note.estimated_prices", String.join(", ", estimated)));
        }
        notes.add(Messages.get("cost.note.excluded"));
        return notes;
    }
}
