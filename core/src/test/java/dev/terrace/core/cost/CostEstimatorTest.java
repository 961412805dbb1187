package dev.terrace.core.cost;

import static dev.terrace.core.cost.CostFixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.core.model.Chapter;
import dev.terrace.core.stack.Stack;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostEstimatorTest {

    private static final BigDecimal TINY = new BigDecimal("0.000000001");

    @Test
    void freeTierIsSharedOnceAcrossJobs() {
        Estimate estimate = estimate("us-central1", 0);
        List<LineItem> jobCpu = estimate.lines().stream()
                .filter(line -> line.itemId().equals(Meters.RUN_INSTANCE_CPU)).toList();

        BigDecimal freeGiven = jobCpu.stream().map(LineItem::freeApplied).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(jobCpu).hasSize(3);
        assertThat(freeGiven).isCloseTo(new BigDecimal("240000"), within(TINY));
        // worker: 438,000 × $0.000018 − 240,000 × 438,000 / 441,600 × $0.000018 = $7.884 − $4.28478… = $3.59922
        assertThat(CostFixtures.lineItem(estimate, "run_job.worker", Meters.RUN_INSTANCE_CPU).cost())
                .isCloseTo(new BigDecimal("3.5992173913"), within(new BigDecimal("0.0000000001")));
    }

    @Test
    void pooledLineSaysItsShare() {
        Estimate estimate = estimate("southamerica-east1", 0);

        LineItem worker = CostFixtures.lineItem(estimate, "run_job.worker", Meters.RUN_INSTANCE_CPU);
        assertThat(worker.formula()).isEqualTo("438,000 vCPU-s × $0.0000216 − 238,043.4783 vCPU-s free × $0.000018 "
                + "(99% of the account's 240,000 vCPU-s free)");
        assertThat(worker.poolSize()).isEqualTo(3);
    }

    @Test
    void lineOutsideFreeRegionSaysSo() {
        Estimate estimate = estimate("southamerica-east1", 0);

        LineItem media = CostFixtures.lineItem(estimate, "bucket.media", Meters.STORAGE_STANDARD);
        assertThat(media.formula()).isEqualTo("2 GB-months × $0.035 (no free tier in southamerica-east1)");
        assertThat(media.cost()).isEqualByComparingTo("0.07");
    }

    @Test
    void bulkPriceShowsItsUnit() {
        Estimate estimate = estimate("us-central1", 10_000_000);

        LineItem requests = CostFixtures.lineItem(estimate, "run_service.web", Meters.RUN_REQUESTS);
        assertThat(requests.formula()).isEqualTo("10,000,000 requests × $0.40/1,000,000 − 2,000,000 requests free");
        assertThat(requests.basis()).isEqualTo("10,000,000 requests");
    }

    @Test
    void linesComeBiggestFirst() {
        List<LineItem> lines = estimate("southamerica-east1", 1_000_000).lines();

        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i - 1).cost()).isGreaterThanOrEqualTo(lines.get(i).cost());
        }
    }

    @Test
    void totalsAgreeAcrossGroupings() {
        Estimate estimate = estimate("southamerica-east1", 1_000_000);

        BigDecimal byService = estimate.byService().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal byChapter = estimate.byChapter().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal byResource = estimate.byResource().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(byService).isEqualByComparingTo(estimate.total());
        assertThat(byChapter).isEqualByComparingTo(estimate.total());
        assertThat(byResource).isEqualByComparingTo(estimate.total());
        assertThat(estimate.byService().keySet().iterator().next()).isEqualTo("Cloud Run");
    }

    @Test
    void chapterSectionHoldsItsResources() {
        Estimate estimate = estimate("southamerica-east1", 1_000_000);

        // 8 secrets with a version each, and the 2 that the service and jobs read with their accesses.
        assertThat(estimate.linesOf(Chapter.SECRETS)).hasSize(10)
                .allSatisfy(line -> assertThat(line.service()).isEqualTo("Secret Manager"));
        assertThat(estimate.linesOf(Chapter.CLOUD_RUN)).extracting(LineItem::itemId)
                .containsExactlyInAnyOrder(Meters.RUN_REQUEST_CPU, Meters.RUN_REQUEST_MEMORY, Meters.RUN_REQUESTS);
    }

    @Test
    void minInstancesAddWarmInstanceTime() {
        Usage usage = Usage.defaults().withRequestsPerMonth(BigDecimal.ZERO).withMinInstances(1);

        Estimate estimate = CostEstimator.estimate(CostFixtures.guideIn("us-central1"), usage, PriceBook.bundled());

        // 2,628,000 s warm + 441,600 job vCPU-s = 3,069,600; (3,069,600 − 240,000) × $0.000018 = $50.9328
        // 1,314,000 GiB-s warm + 220,800 = 1,534,800; (1,534,800 − 450,000) × $0.000002 = $2.1696
        assertThat(CostFixtures.item(estimate, Meters.RUN_INSTANCE_CPU)).isCloseTo(new BigDecimal("50.9328"), within(TINY));
        assertThat(CostFixtures.item(estimate, Meters.RUN_INSTANCE_MEMORY)).isCloseTo(new BigDecimal("2.1696"),
                within(TINY));
    }

    @Test
    void unlistedRegionUsesFallbackTier() {
        Stack stack = CostFixtures.guideIn("southamerica-east1");
        Stack moved = Stack.of(stack.file(), new dev.terrace.core.stack.Settings(null, "p", "mars-north1", "app",
                null, null, null, null, null), List.copyOf(stack.all()));

        Estimate estimate = CostEstimator.estimate(moved, Usage.defaults(), PriceBook.bundled());

        assertThat(estimate.regionListed()).isFalse();
        assertThat(estimate.tier()).isEqualTo(PriceBook.FALLBACK_TIER);
        assertThat(estimate.notes().get(0)).contains("mars-north1", "tier2");
    }

    @Test
    void warmRecomputeIsFast() {
        Stack stack = CostFixtures.guideIn("southamerica-east1");
        PriceBook book = PriceBook.bundled();
        for (int i = 0; i < 200; i++) {
            CostEstimator.estimate(stack, Usage.defaults().withRequestsPerMonth(BigDecimal.valueOf(i)), book);
        }

        int runs = 100;
        long started = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            CostEstimator.estimate(stack, Usage.defaults().withRequestsPerMonth(BigDecimal.valueOf(1_000L * i)), book);
        }
        double meanMillis = (System.nanoTime() - started) / 1e6 / runs;

        // The console recomputes on every slider change and needs the figure within 50 ms. Half of
        // that leaves room for a loaded two-core machine while still failing on a real slowdown.
        assertThat(meanMillis).isLessThan(25.0);
    }
}
