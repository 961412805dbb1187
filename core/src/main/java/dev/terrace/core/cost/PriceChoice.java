package dev.terrace.core.cost;

import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.PriceSource;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The price book an estimate uses: live prices when a source returned a complete book, else the
 * bundled book, with the reason so a view can show that the figures are from the book's date.
 *
 * @param live whether {@code book} came from the price source
 * @param fallbackReason why the bundled book is used, or null when the prices are live or no
 *     source was given
 */
public record PriceChoice(PriceBook book, boolean live, String fallbackReason) {

    private static final Logger LOG = LoggerFactory.getLogger(PriceChoice.class);

    /** Returns the bundled book, for callers without a price source. */
    public static PriceChoice bundled() {
        return new PriceChoice(PriceBook.bundled(), false, null);
    }

    /**
     * Fetches live prices for {@code region} and checks that they cover every item the estimator
     * prices and the region's tier; on any failure, returns the bundled book with the reason.
     */
    public static PriceChoice from(PriceSource source, String region) {
        PriceBook fetched;
        try {
            fetched = source.fetch(region);
        } catch (CloudException failed) {
            LOG.warn("Price source failed for region {}; using the bundled price book: {}", region,
                    failed.getMessage());
            return fallback(failed.getMessage());
        }

        Optional<String> gap = gap(fetched, region);
        if (gap.isPresent()) {
            LOG.warn("Price source returned an incomplete book for region {}; using the bundled one: {}", region,
                    gap.get());
            return fallback(gap.get());
        }
        return new PriceChoice(fetched, true, null);
    }

    private static Optional<String> gap(PriceBook book, String region) {
        if (book == null) {
            return Optional.of("the price source returned no prices");
        }
        List<String> missing = Meters.ITEM_IDS.stream().filter(id -> !book.items().containsKey(id)).toList();
        if (!missing.isEmpty()) {
            return Optional.of("the live prices lack " + String.join(", ", missing));
        }
        Optional<String> tier = book.tierOf(region);
        if (tier.isEmpty()) {
            return Optional.of("the live prices do not cover region " + region);
        }
        List<String> unpriced = book.items().values().stream()
                .filter(item -> !item.prices().containsKey(tier.get())).map(PriceItem::id).toList();
        if (!unpriced.isEmpty()) {
            return Optional.of("the live prices have no " + tier.get() + " price for " + String.join(", ", unpriced));
        }
        return Optional.empty();
    }

    private static PriceChoice fallback(String reason) {
        return new PriceChoice(PriceBook.bundled(), false, reason);
    }
}
