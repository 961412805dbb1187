package dev.terrace.desktop.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.GuideExample;
import dev.terrace.core.cost.CostEstimator;
import dev.terrace.core.cost.Estimate;
import dev.terrace.core.cost.Figures;
import dev.terrace.core.cost.PriceBook;
import dev.terrace.core.cost.Usage;
import dev.terrace.core.cost.UsageReader;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.engine.Validation;
import dev.terrace.core.stack.Stack;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.desktop.task.UiExecutor;
import dev.terrace.session.Workspace;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostViewModelTest {

    @TempDir
    Path folder;

    private final BackgroundRunner runner = new BackgroundRunner(1, UiExecutor.INLINE);
    private final Stack stack = Guide.stack();
    private ConsoleModel model;
    private CostViewModel cost;

    @BeforeEach
    void open() {
        model = new ConsoleModel(runner, 0);
        model.setWorkspace(new Workspace(stack, Guide.freshCloud(), folder.resolve("state")));
        cost = new CostViewModel(new CostModel(model, PriceBook.bundled()));
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    /** Returns the estimate the view should show, computed straight from the estimator. */
    private Estimate expected(Usage usage) {
        return CostEstimator.estimate(stack, usage, PriceBook.bundled());
    }

    private static Usage stackUsage(Stack stack) {
        return UsageReader.read(stack, null).usage().orElseThrow();
    }

    private UsageSlider bucket(String name) {
        return cost.buckets().stream().filter(slider -> slider.id().equals("bucket-" + name)).findFirst()
                .orElseThrow();
    }

    @Test
    void initialFiguresComeFromStackUsage() {
        Estimate atStack = expected(stackUsage(stack));

        assertThat(cost.availableProperty().get()).isTrue();
        assertThat(cost.requests().value()).isEqualByComparingTo("100000");
        assertThat(cost.duration().value()).isEqualByComparingTo("200");
        assertThat(cost.buckets()).extracting(UsageSlider::id)
                .containsExactlyInAnyOrder("bucket-terraform_state", "bucket-static", "bucket-media");
        assertThat(bucket("media").value()).isEqualByComparingTo("2");
        assertThat(cost.totalProperty().get()).isEqualTo(Figures.money(atStack.total()) + " per month");
        assertThat(cost.lines()).hasSize(atStack.lines().size());
        assertThat(cost.notes()).isEqualTo(atStack.notes());
        assertThat(cost.problemProperty().get()).isEmpty();
    }

    @Test
    void contextNamesRegionTierAndPriceBook() {
        PriceBook book = PriceBook.bundled();

        String context = cost.contextProperty().get();

        assertThat(context).contains("southamerica-east1");
        assertThat(context).contains("tier2");
        assertThat(context).contains(book.version());
        assertThat(context).contains(book.checked().toString());
    }

    @Test
    void requestsSliderUpdatesTotalAndBars() {
        String before = cost.totalProperty().get();
        BigDecimal runBefore = cost.services().stream().filter(bar -> bar.service().equals("Cloud Run"))
                .findFirst().orElseThrow().cost();

        cost.requests().positionProperty().set(1.0);

        Estimate atMost = expected(stackUsage(stack).withRequestsPerMonth(new BigDecimal("20000000")));
        assertThat(cost.requests().value()).isEqualByComparingTo("20000000");
        assertThat(cost.requests().textProperty().get()).isEqualTo("20,000,000");
        assertThat(cost.totalProperty().get()).isNotEqualTo(before);
        assertThat(cost.totalProperty().get()).isEqualTo(Figures.money(atMost.total()) + " per month");
        ServiceBar first = cost.services().get(0);
        assertThat(first.service()).isEqualTo("Cloud Run");
        assertThat(first.cost()).isEqualByComparingTo(atMost.byService().get("Cloud Run"));
        assertThat(first.cost()).isGreaterThan(runBefore);
        assertThat(first.share()).isEqualTo(1.0);
        assertThat(cost.services().get(1).share()).isLessThan(1.0);
        assertThat(cost.lines().get(0).address()).isEqualTo("run_service.web");
    }

    @Test
    void durationSliderUpdatesTotal() {
        cost.duration().positionProperty().set(1.0);

        Estimate slow = expected(stackUsage(stack).withRequestDurationMs(new BigDecimal("5000")));
        assertThat(cost.duration().value()).isEqualByComparingTo("5000");
        assertThat(cost.totalProperty().get()).isEqualTo(Figures.money(slow.total()) + " per month");
    }

    @Test
    void sliderStepsKeepTwoSignificantDigits() {
        cost.requests().positionProperty().set(0.9);

        BigDecimal value = cost.requests().value();
        assertThat(value.stripTrailingZeros().precision()).isLessThanOrEqualTo(2);
        assertThat(value).isBetween(new BigDecimal("3000000"), new BigDecimal("5000000"));
    }

    @Test
    void typedRequestsAreTaken() {
        cost.requests().textProperty().set("1,000,000");
        cost.requests().commitText();

        Estimate atMillion = expected(stackUsage(stack).withRequestsPerMonth(new BigDecimal("1000000")));
        assertThat(cost.requests().value()).isEqualByComparingTo("1000000");
        assertThat(cost.requests().errorProperty().get()).isEmpty();
        assertThat(cost.requests().positionProperty().get()).isBetween(0.8, 0.9);
        assertThat(cost.totalProperty().get()).isEqualTo(Figures.money(atMillion.total()) + " per month");
    }

    @Test
    void nonNumericTextIsRejected() {
        String before = cost.totalProperty().get();

        cost.requests().textProperty().set("lots");
        cost.requests().commitText();

        assertThat(cost.requests().value()).isEqualByComparingTo("100000");
        assertThat(cost.requests().errorProperty().get()).contains("\"lots\"").contains("0 to 20,000,000");
        assertThat(cost.totalProperty().get()).isEqualTo(before);
    }

    @Test
    void typedNumberOutsideRangeIsRejected() {
        cost.duration().textProperty().set("9000");
        cost.duration().commitText();

        assertThat(cost.duration().value()).isEqualByComparingTo("200");
        assertThat(cost.duration().errorProperty().get()).contains("10 to 5,000");
    }

    @Test
    void bucketSliderChangesItsStorage() {
        bucket("media").textProperty().set("500");
        bucket("media").commitText();

        Estimate bigMedia = expected(stackUsage(stack).withBucketStorageGb("media", new BigDecimal("500")));
        assertThat(cost.totalProperty().get()).isEqualTo(Figures.money(bigMedia.total()) + " per month");
        assertThat(cost.lines()).anyMatch(row -> row.address().equals("bucket.media")
                && row.formula().startsWith("500 GB-months"));
        assertThat(cost.lines()).anyMatch(row -> row.address().equals("bucket.static")
                && row.formula().startsWith("0.5 GB-months"));
    }

    @Test
    void resetGoesBackToStackUsage() {
        String atStack = cost.totalProperty().get();
        cost.requests().positionProperty().set(1.0);
        cost.duration().positionProperty().set(0.0);
        bucket("static").positionProperty().set(1.0);

        cost.resetToStack();

        assertThat(cost.requests().value()).isEqualByComparingTo("100000");
        assertThat(cost.duration().value()).isEqualByComparingTo("200");
        assertThat(bucket("static").value()).isEqualByComparingTo("0.5");
        assertThat(cost.cost().usage()).isEqualTo(stackUsage(stack));
        assertThat(cost.totalProperty().get()).isEqualTo(atStack);
        assertThat(cost.requests().positionProperty().get())
                .isCloseTo(CostViewModel.REQUESTS.positionOf(new BigDecimal("100000")), org.assertj.core.data.Offset
                        .offset(1e-9));
    }

    /**
     * A slider move recomputes the whole estimate on the UI thread and refreshes every list the
     * screen shows, so the median move must stay well under 50 ms. Warm-up runs let the JIT
     * compile the estimator first, as it will have in a console that has been open a while.
     */
    @Test
    void sliderRecomputeTakesUnder50Milliseconds() {
        double[] positions = {0.2, 0.5, 0.7, 0.95, 1.0};
        for (int i = 0; i < 300; i++) {
            cost.requests().positionProperty().set(positions[i % positions.length]);
        }

        long[] nanos = new long[101];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            cost.requests().positionProperty().set(positions[i % positions.length]);
            nanos[i] = System.nanoTime() - start;
        }

        Arrays.sort(nanos);
        double medianMillis = nanos[nanos.length / 2] / 1e6;
        assertThat(medianMillis).as("median slider recompute in ms").isLessThan(50.0);
        assertThat(cost.cost().lastRecompute().toMillis()).isLessThan(CostModel.SLOW.toMillis() * 10);
    }

    @Test
    void invalidUsageShowsDiagnostics() {
        String text = GuideExample.text() + "usage:\n  requests_per_month: -5\n  visitors: 10\n";
        Stack invalid = Validation.of("terrace.yaml", text).stack().orElseThrow();
        model.setWorkspace(new Workspace(invalid, Guide.freshCloud(), folder.resolve("state")));

        assertThat(cost.availableProperty().get()).isFalse();
        assertThat(cost.totalProperty().get()).isEmpty();
        assertThat(cost.lines()).isEmpty();
        assertThat(cost.services()).isEmpty();
        assertThat(cost.problemProperty().get()).contains("usage section is invalid");
        assertThat(cost.diagnostics()).extracting(Diagnostic::summary)
                .anyMatch(summary -> summary.contains("requests_per_month") && summary.contains("negative"))
                .anyMatch(summary -> summary.contains("visitors"));
        assertThat(cost.cost().estimate()).isNull();
    }

    @Test
    void slidersDoNothingWhileUsageIsInvalid() {
        String text = GuideExample.text() + "usage:\n  requests_per_month: many\n";
        Stack invalid = Validation.of("terrace.yaml", text).stack().orElseThrow();
        model.setWorkspace(new Workspace(invalid, Guide.freshCloud(), folder.resolve("state")));

        cost.requests().positionProperty().set(1.0);
        cost.resetToStack();

        assertThat(cost.cost().estimate()).isNull();
        assertThat(cost.totalProperty().get()).isEmpty();
    }

    @Test
    void closedWorkspaceShowsNoFigures() {
        model.setWorkspace(null);

        assertThat(cost.availableProperty().get()).isFalse();
        assertThat(cost.problemProperty().get()).startsWith("No stack is open");
        assertThat(cost.buckets()).isEmpty();
        assertThat(cost.diagnostics()).isEmpty();
    }
}
