package dev.terrace.core.cost;

import dev.terrace.core.model.Address;
import dev.terrace.core.model.Chapter;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A stack's monthly cost: every line item, biggest first, and the totals per resource, per service
 * and per chapter, each map also biggest first. Amounts are unrounded USD.
 *
 * @param tier the price tier the region falls in
 * @param regionListed whether the price book lists the region; when not, it is priced at
 *     {@link PriceBook#FALLBACK_TIER}
 * @param priceBookChecked the month the price book's figures were read from their sources
 * @param notes what the figures leave out or assume, one sentence each
 */
public record Estimate(
        String stack,
        String region,
        String tier,
        boolean regionListed,
        String priceBookVersion,
        YearMonth priceBookChecked,
        String currency,
        List<LineItem> lines,
        List<String> notes) {

    /** Orders line items by cost, biggest first, then by address and item for a stable order. */
    static final Comparator<LineItem> BIGGEST_FIRST = Comparator.comparing(LineItem::cost).reversed()
            .thenComparing(LineItem::address).thenComparing(LineItem::itemId);

    public Estimate {
        lines = lines.stream().sorted(BIGGEST_FIRST).toList();
        notes = List.copyOf(notes);
    }

    public BigDecimal total() {
        return sum(lines);
    }

    public Map<Address, BigDecimal> byResource() {
        return totals(LineItem::address);
    }

    public Map<String, BigDecimal> byService() {
        return totals(LineItem::service);
    }

    public Map<Chapter, BigDecimal> byChapter() {
        return totals(LineItem::chapter);
    }

    /** Returns the line items of one chapter, biggest first, for a chapter's cost section. */
    public List<LineItem> linesOf(Chapter chapter) {
        return lines.stream().filter(line -> line.chapter() == chapter).toList();
    }

    /** Returns the line items of one resource, biggest first. */
    public List<LineItem> linesOf(Address address) {
        return lines.stream().filter(line -> line.address().equals(address)).toList();
    }

    private <K> Map<K, BigDecimal> totals(Function<LineItem, K> key) {
        Map<K, BigDecimal> sums = lines.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new,
                Collectors.reducing(BigDecimal.ZERO, LineItem::cost, BigDecimal::add)));
        Map<K, BigDecimal> sorted = new LinkedHashMap<>();
        sums.entrySet().stream()
                .sorted(Map.Entry.<K, BigDecimal>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return Collections.unmodifiableMap(sorted);
    }

    private static BigDecimal sum(List<LineItem> items) {
        return items.stream().map(LineItem::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
