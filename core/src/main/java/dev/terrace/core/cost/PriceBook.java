package dev.terrace.core.cost;

import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned set of list prices: the items the estimator prices and the price tier of each
 * region. The bundled book is read from {@code price-book.yaml} beside this class.
 *
 * @param checked the month the book's figures were read from their sources, shown with every estimate
 * @param regionTiers the price tier of each region, such as {@code us-central1 -> tier1}
 */
public record PriceBook(String version, String currency, YearMonth checked, Map<String, String> regionTiers,
        Map<String, PriceItem> items) {

    /** The tier a region not listed in the book is priced at: the dearer one, so an estimate errs high. */
    public static final String FALLBACK_TIER = "tier2";

    public PriceBook {
        regionTiers = Collections.unmodifiableMap(new LinkedHashMap<>(regionTiers));
        items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
    }

    /** Returns the book shipped with Terrace, read once. */
    public static PriceBook bundled() {
        return Bundled.BOOK;
    }

    /** Returns the tier of a region, or empty when the book does not list it. */
    public Optional<String> tierOf(String region) {
        return Optional.ofNullable(regionTiers.get(region));
    }

    public PriceItem item(String id) {
        PriceItem item = items.get(id);
        if (item == null) {
            throw new IllegalArgumentException("Price book " + version + " has no item " + id);
        }
        return item;
    }

    /** Holds the bundled book, so it is parsed on first use only. */
    private static final class Bundled {
        static final PriceBook BOOK = PriceBookReader.readBundled();
    }
}
