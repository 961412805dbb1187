package dev.terrace.core.cost;

import static dev.terrace.core.cost.CostFixtures.estimate;
import static dev.terrace.core.cost.CostFixtures.item;
import static dev.terrace.core.cost.CostFixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The guide's stack priced by hand from the bundled price book, with the default usage and only
 * requests_per_month varied. The defaults that every case shares:
 *
 * <pre>
 * web service: 1 vCPU, 512Mi = 0.5 GiB, 200 ms per request, concurrency 1
 * jobs (1 vCPU, 0.5 GiB, 1 task): worker 43,800 × 10 s, migrate 30 × 60 s, collectstatic 30 × 60 s
 *   = 438,000 + 1,800 + 1,800 = 441,600 vCPU-s and 441,600 × 0.5 = 220,800 GiB-s
 * buckets terraform_state / static / media: 0.01 / 0.5 / 2 GB stored (2.51 GB),
 *   class A 1,000 / 1,000 / 5,000 (7,000), class B 1,000 / 50,000 / 50,000 (101,000),
 *   egress 0 / 5 / 5 GB (10 GB)
 * 8 secrets × 1 active version × 1 location (automatic replication) = 8 versions;
 *   90,000 secret accesses; 1 GB of images; 100,000 task operations; 1 scheduler job; 1 GiB of logs
 * </pre>
 *
 * Free allowances that always cover the usage: tasks 1,000,000 ops, scheduler 3 jobs, logging
 * 50 GiB, job memory (tier 1: 220,800 ≤ 450,000 GiB-s; tier 2: 220,800 × $0.0000024 = $0.52992,
 * below the credit of 450,000 × $0.000002 = $0.90).
 */
class GuideCostGoldenTest {

    private static final BigDecimal CENT_FRACTION = new BigDecimal("0.000000001");

    /*
     * us-central1 is tier 1, and a region where the Cloud Storage free tier applies. The part that
     * does not depend on requests:
     *   job CPU        (441,600 − 240,000) × $0.000018           = $3.6288
     *   storage        2.51 GB ≤ 5 GB free                        = $0
     *   class A        (7,000 − 5,000) × $0.005 / 1,000           = $0.01
     *   class B        (101,000 − 50,000) × $0.0004 / 1,000       = $0.0204
     *   egress         10 GB ≤ 100 GB free                        = $0
     *   images         (1 − 0.5) GB × $0.10                       = $0.05
     *   versions       (8 − 6) × $0.06                            = $0.12
     *   accesses       (90,000 − 10,000) × $0.03 / 10,000         = $0.24
     *   sum                                                        = $4.0692
     */
    private static final BigDecimal US_FIXED = new BigDecimal("4.0692");

    /*
     * southamerica-east1 is tier 2; Cloud Run's free tier is credited at tier 1 prices there, and
     * the Cloud Storage free tier does not apply. The part that does not depend on requests:
     *   job CPU        441,600 × $0.0000216 = $9.53856, − 240,000 × $0.000018 = $4.32 → $5.21856
     *   storage        2.51 GB × $0.035                           = $0.08785
     *   class A        7,000 × $0.005 / 1,000                     = $0.035
     *   class B        101,000 × $0.0004 / 1,000                  = $0.0404
     *   egress         10 GB × $0.12                              = $1.20
     *   images, versions, accesses as in us-central1               = $0.41
     *   sum                                                        = $6.99181
     */
    private static final BigDecimal SAO_PAULO_FIXED = new BigDecimal("6.99181");

    @Test
    void usCentralAtZeroRequests() {
        Estimate estimate = estimate("us-central1", 0);

        assertThat(estimate.tier()).isEqualTo("tier1");
        assertThat(item(estimate, Meters.RUN_REQUEST_CPU)).isZero();
        assertThat(item(estimate, Meters.RUN_REQUESTS)).isZero();
        // Cloud Run: only the jobs' CPU, $3.6288.
        assertThat(service(estimate, "Cloud Run")).isCloseTo(new BigDecimal("3.6288"), within(CENT_FRACTION));
        // Cloud Storage: $0.01 + $0.0204 = $0.0304.
        assertThat(service(estimate, "Cloud Storage")).isCloseTo(new BigDecimal("0.0304"), within(CENT_FRACTION));
        // Secret Manager: $0.12 + $0.24 = $0.36.
        assertThat(service(estimate, "Secret Manager")).isCloseTo(new BigDecimal("0.36"), within(CENT_FRACTION));
        assertThat(service(estimate, "Artifact Registry")).isCloseTo(new BigDecimal("0.05"), within(CENT_FRACTION));
        assertThat(service(estimate, "Cloud Tasks")).isZero();
        assertThat(service(estimate, "Cloud Scheduler")).isZero();
        assertThat(service(estimate, "Cloud Logging")).isZero();
        assertThat(estimate.total()).isCloseTo(US_FIXED, within(CENT_FRACTION));
    }

    @Test
    void usCentralAtOneMillionRequests() {
        Estimate estimate = estimate("us-central1", 1_000_000);

        // 1,000,000 × 0.2 s × 1 vCPU = 200,000 vCPU-s; (200,000 − 180,000) × $0.000024 = $0.48.
        assertThat(item(estimate, Meters.RUN_REQUEST_CPU)).isCloseTo(new BigDecimal("0.48"), within(CENT_FRACTION));
        // 200,000 s × 0.5 GiB = 100,000 GiB-s ≤ 360,000 free: $0.
        assertThat(item(estimate, Meters.RUN_REQUEST_MEMORY)).isZero();
        // 1,000,000 requests ≤ 2,000,000 free: $0.
        assertThat(item(estimate, Meters.RUN_REQUESTS)).isZero();
        // $4.0692 + $0.48 = $4.5492.
        assertThat(estimate.total()).isCloseTo(new BigDecimal("4.5492"), within(CENT_FRACTION));
        assertThat(estimate.total()).isCloseTo(US_FIXED.add(new BigDecimal("0.48")), within(CENT_FRACTION));
    }

    @Test
    void usCentralAtTenMillionRequests() {
        Estimate estimate = estimate("us-central1", 10_000_000);

        // 2,000,000 vCPU-s; (2,000,000 − 180,000) × $0.000024 = $43.68.
        assertThat(item(estimate, Meters.RUN_REQUEST_CPU)).isCloseTo(new BigDecimal("43.68"), within(CENT_FRACTION));
        // 1,000,000 GiB-s; (1,000,000 − 360,000) × $0.0000025 = $1.60.
        assertThat(item(estimate, Meters.RUN_REQUEST_MEMORY)).isCloseTo(new BigDecimal("1.60"), within(CENT_FRACTION));
        // (10,000,000 − 2,000,000) × $0.40 / 1,000,000 = $3.20.
        assertThat(item(estimate, Meters.RUN_REQUESTS)).isCloseTo(new BigDecimal("3.20"), within(CENT_FRACTION));
        // Cloud Run: $3.6288 + $43.68 + $1.60 + $3.20 = $52.1088.
        assertThat(service(estimate, "Cloud Run")).isCloseTo(new BigDecimal("52.1088"), within(CENT_FRACTION));
        // $4.0692 + $48.48 = $52.5492.
        assertThat(estimate.total()).isCloseTo(new BigDecimal("52.5492"), within(CENT_FRACTION));
        assertThat(estimate.lines().get(0).itemId()).isEqualTo(Meters.RUN_REQUEST_CPU);
    }

    @Test
    void saoPauloAtZeroRequests() {
        Estimate estimate = estimate("southamerica-east1", 0);

        assertThat(estimate.tier()).isEqualTo("tier2");
        assertThat(item(estimate, Meters.RUN_REQUEST_CPU)).isZero();
        // Cloud Run: only the jobs' CPU, $5.21856.
        assertThat(service(estimate, "Cloud Run")).isCloseTo(new BigDecimal("5.21856"), within(CENT_FRACTION));
        // Cloud Storage: $0.08785 + $0.035 + $0.0404 + $1.20 = $1.36325.
        assertThat(service(estimate, "Cloud Storage")).isCloseTo(new BigDecimal("1.36325"), within(CENT_FRACTION));
        assertThat(item(estimate, Meters.INTERNET_EGRESS)).isCloseTo(new BigDecimal("1.20"), within(CENT_FRACTION));
        assertThat(service(estimate, "Secret Manager")).isCloseTo(new BigDecimal("0.36"), within(CENT_FRACTION));
        assertThat(estimate.total()).isCloseTo(SAO_PAULO_FIXED, within(CENT_FRACTION));
    }

    @Test
    void saoPauloAtOneMillionRequests() {
        Estimate estimate = estimate("southamerica-east1", 1_000_000);

        // 200,000 vCPU-s × $0.0000336 = $6.72, − 180,000 × $0.000024 = $4.32 → $2.40.
        assertThat(item(estimate, Meters.RUN_REQUEST_CPU)).isCloseTo(new BigDecimal("2.40"), within(CENT_FRACTION));
        // 100,000 GiB-s × $0.0000035 = $0.35, below the credit of 360,000 × $0.0000025 = $0.90: $0.
        assertThat(item(estimate, Meters.RUN_REQUEST_MEMORY)).isZero();
        assertThat(item(estimate, Meters.RUN_REQUESTS)).isZero();
        // $6.99181 + $2.40 = $9.39181.
        assertThat(estimate.total()).isCloseTo(new BigDecimal("9.39181"), within(CENT_FRACTION));
    }

    @Test
    void saoPauloAtTenMillionRequests() {
        Estimate estimate = estimate("southamerica-east1", 10_000_000);

        // 2,000,000 vCPU-s × $0.0000336 = $67.20, − $4.32 → $62.88.
        assertThat(item(estimate, Meters.RUN_REQUEST_CPU)).isCloseTo(new BigDecimal("62.88"), within(CENT_FRACTION));
        // 1,000,000 GiB-s × $0.0000035 = $3.50, − $0.90 → $2.60.
        assertThat(item(estimate, Meters.RUN_REQUEST_MEMORY)).isCloseTo(new BigDecimal("2.60"), within(CENT_FRACTION));
        // (10,000,000 − 2,000,000) × $0.40 / 1,000,000 = $3.20; requests cost the same in both tiers.
        assertThat(item(estimate, Meters.RUN_REQUESTS)).isCloseTo(new BigDecimal("3.20"), within(CENT_FRACTION));
        // Cloud Run: $5.21856 + $62.88 + $2.60 + $3.20 = $73.89856.
        assertThat(service(estimate, "Cloud Run")).isCloseTo(new BigDecimal("73.89856"), within(CENT_FRACTION));
        // $6.99181 + $68.68 = $75.67181.
        assertThat(estimate.total()).isCloseTo(new BigDecimal("75.67181"), within(CENT_FRACTION));
    }
}
