package dev.terrace.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PriceBookReaderTest {

    @Test
    void bundledItemsHaveSourceAndDate() {
        PriceBook book = PriceBook.bundled();

        assertThat(book.items().keySet()).containsAll(Meters.ITEM_IDS);
        assertThat(book.checked()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(book.items().values()).allSatisfy(item -> {
            assertThat(item.source()).startsWith("https://cloud.google.com/");
            assertThat(item.checked()).isNotNull();
            assertThat(item.prices()).containsOnlyKeys("tier1", "tier2");
        });
    }

    @Test
    void bundledBookMapsRegionsToTiers() {
        PriceBook book = PriceBook.bundled();

        assertThat(book.tierOf("us-central1")).contains("tier1");
        assertThat(book.tierOf("southamerica-east1")).contains("tier2");
        assertThat(book.tierOf("mars-north1")).isEmpty();
    }

    @Test
    void invalidBookNamesEachProblem() {
        String text = """
                version: test
                currency: USD
                checked: 2026-11
                regions: {tier1: [us-central1], tier2: [southamerica-east1, us-central1]}
                items:
                  run_requests:
                    service: Cloud Run
                    description: requests
                    unit: requests
                    per: 0
                    prices: {tier1: -0.40}
                    source: cloud.google.com/run/pricing
                    checked: late 2026
                    colour: blue
                """;

        PriceBookException failure = catchThrowableOfType(PriceBookException.class,
                () -> PriceBookReader.read("test.yaml", text));

        assertThat(failure.problems()).contains(
                "region us-central1 is listed in both tier1 and tier2",
                "unknown key \"colour\" in item run_requests; use one of [checked, description, estimated_tiers, "
                        + "free, free_credit_tier, free_regions, free_scope, per, prices, service, source, unit]",
                "item run_requests.per must be above zero, was 0",
                "item run_requests.prices.tier1 must be zero or more, was -0.4",
                "item run_requests.prices.tier2 is missing",
                "item run_requests.source is \"cloud.google.com/run/pricing\"; give the https:// address of the price page",
                "item run_requests.checked is \"late 2026\"; write the month as YYYY-MM",
                "item run_request_cpu is missing; the estimator prices it");
        assertThat(failure.getMessage()).startsWith("Price book test.yaml is invalid: ");
    }
}
