package dev.terrace.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceChoiceTest {

    private static final String REGION = "us-central1";

    @Test
    void failingSourceFallsBackToBundledBook() {
        PriceChoice choice = PriceChoice.from(region -> {
            throw new CloudException(ErrorCategory.UNAVAILABLE, "catalog unreachable");
        }, REGION);

        assertThat(choice.live()).isFalse();
        assertThat(choice.book()).isSameAs(PriceBook.bundled());
        assertThat(choice.fallbackReason()).isEqualTo("catalog unreachable");
    }

    @Test
    void incompleteLiveBookFallsBack() {
        Map<String, PriceItem> items = new LinkedHashMap<>(PriceBook.bundled().items());
        items.remove(Meters.LOG_INGESTION);
        PriceBook partial = withItems(items);

        PriceChoice choice = PriceChoice.from(region -> partial, REGION);

        assertThat(choice.live()).isFalse();
        assertThat(choice.fallbackReason()).isEqualTo("the live prices lack log_ingestion");
    }

    @Test
    void uncoveredRegionFallsBack() {
        PriceChoice choice = PriceChoice.from(region -> PriceBook.bundled(), "mars-north1");

        assertThat(choice.live()).isFalse();
        assertThat(choice.fallbackReason()).isEqualTo("the live prices do not cover region mars-north1");
    }

    @Test
    void completeLiveBookPricesTheEstimate() {
        Map<String, PriceItem> items = new LinkedHashMap<>(PriceBook.bundled().items());
        PriceItem requests = items.get(Meters.RUN_REQUESTS);
        items.put(Meters.RUN_REQUESTS, new PriceItem(requests.id(), requests.service(), requests.description(),
                requests.unit(), requests.per(), Map.of("tier1", new BigDecimal("0.50"), "tier2", new BigDecimal("0.50")),
                requests.free(), requests.freeScope(), requests.freeRegions(), requests.freeCreditTier(),
                requests.estimatedTiers(), requests.source(), YearMonth.of(2026, 12)));

        PriceChoice choice = PriceChoice.from(region -> withItems(items), REGION);
        Estimate estimate = CostEstimator.estimate(CostFixtures.guideIn(REGION),
                Usage.defaults().withRequestsPerMonth(BigDecimal.valueOf(10_000_000)), choice.book());

        assertThat(choice.live()).isTrue();
        assertThat(choice.fallbackReason()).isNull();
        assertThat(estimate.priceBookVersion()).isEqualTo("live");
        // (10,000,000 − 2,000,000) × $0.50 / 1,000,000 = $4.00
        assertThat(CostFixtures.item(estimate, Meters.RUN_REQUESTS)).isEqualByComparingTo("4.00");
    }

    private static PriceBook withItems(Map<String, PriceItem> items) {
        PriceBook bundled = PriceBook.bundled();
        return new PriceBook("live", bundled.currency(), YearMonth.of(2026, 12), bundled.regionTiers(), items);
    }
}
