package dev.terrace.desktop.cost;

import dev.terrace.core.cost.Estimate;
import dev.terrace.core.cost.Figures;
import dev.terrace.core.cost.Usage;
import dev.terrace.core.cost.UsageResult;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.desktop.Texts;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cost screen: the stack's monthly total with the region, tier and price book it rests on,
 * sliders for the main usage assumptions, the cost per service, the line items and the notes.
 * Every slider change recomputes the shared {@link CostModel} at once.
 */
public final class CostViewModel {

    /** The requests slider's range: none to 20 million a month. */
    static final SliderScale REQUESTS = new SliderScale(0, 20_000_000, true);
    /** The mean request duration slider's range, in milliseconds: 10 ms to 5 s. */
    static final SliderScale DURATION_MS = new SliderScale(10, 5_000, false);
    /** Each bucket's storage slider's range, in GB. */
    static final SliderScale STORAGE_GB = new SliderScale(0, 1_000, false);

    private final CostModel cost;
    private final StringProperty total = new SimpleStringProperty(this, "total", "");
    private final StringProperty context = new SimpleStringProperty(this, "context", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final BooleanProperty available = new SimpleBooleanProperty(this, "available");
    private final UsageSlider requests;
    private final UsageSlider duration;
    private final ObservableList<UsageSlider> buckets = FXCollections.observableArrayList();
    private final ObservableList<ServiceBar> services = FXCollections.observableArrayList();
    private final ObservableList<CostRow> lines = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
    /** Set while the sliders take the stack's usage, so that they do not each recompute. */
    private boolean resetting;

    public CostViewModel(CostModel cost) {
        this.cost = cost;
        requests = slider("requests", Texts.get("cost.requests"), REQUESTS, Usage::withRequestsPerMonth);
        duration = slider("duration", Texts.get("cost.duration"), DURATION_MS, Usage::withRequestDurationMs);
        cost.stackUsageProperty().addListener(changed -> takeStackUsage());
        cost.estimateProperty().addListener(changed -> show());
        takeStackUsage();
        show();
    }

    /** Returns the shared estimate, which the chapter panels also read. */
    public CostModel cost() {
        return cost;
    }

    /** Returns the monthly total, such as {@code $6.99 per month}; empty when there is no estimate. */
    public ReadOnlyStringProperty totalProperty() {
        return total;
    }

    /** Returns the region, price tier and price book the total rests on. */
    public ReadOnlyStringProperty contextProperty() {
        return context;
    }

    /** Returns why no figures are shown, in a sentence; empty while they are. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** Returns whether an estimate is shown, so the sliders and figures are enabled. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available;
    }

    public UsageSlider requests() {
        return requests;
    }

    public UsageSlider duration() {
        return duration;
    }

    /** Returns one storage slider per bucket of the stack. */
    public ObservableList<UsageSlider> buckets() {
        return buckets;
    }

    /** Returns the cost of each service, dearest first. */
    public ObservableList<ServiceBar> services() {
        return services;
    }

    /** Returns every line item, biggest first. */
    public ObservableList<CostRow> lines() {
        return lines;
    }

    public ObservableList<String> notes() {
        return notes;
    }

    /** Returns the problems found in the stack's usage section, errors and warnings. */
    public ObservableList<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Puts every assumption back to what the stack file states and recomputes. */
    public void resetToStack() {
        cost.resetToStack();
        takeUsage(cost.usage());
    }

    private UsageSlider slider(String id, String label, SliderScale scale,
            BiFunction<Usage, BigDecimal, Usage> change) {
        UsageSlider slider = new UsageSlider(id, label, scale, BigDecimal.ZERO);
        slider.valueProperty().addListener((observable, before, after) -> {
            if (!resetting && cost.usage() != null) {
                cost.setUsage(change.apply(cost.usage(), after));
            }
        });
        return slider;
    }

    private void takeStackUsage() {
        UsageResult read = cost.stackUsageProperty().get();
        diagnostics.setAll(read.diagnostics());
        List<UsageSlider> bucketSliders = new ArrayList<>();
        for (String bucket : cost.buckets()) {
            bucketSliders.add(slider("bucket-" + bucket, Texts.get("cost.bucket_storage", bucket), STORAGE_GB,
                    (usage, gb) -> usage.withBucketStorageGb(bucket, gb)));
        }
        buckets.setAll(bucketSliders);
        takeUsage(read.usage().orElse(null));
    }

    private void takeUsage(Usage usage) {
        if (usage == null) {
            return;
        }
        resetting = true;
        requests.set(usage.requestsPerMonth());
        duration.set(usage.requestDurationMs());
        List<String> names = cost.buckets();
        for (int i = 0; i < names.size(); i++) {
            buckets.get(i).set(usage.bucket(names.get(i)).storageGb());
        }
        resetting = false;
    }

    private void show() {
        Estimate estimate = cost.estimate();
        available.set(estimate != null);
        if (estimate == null) {
            clear();
            return;
        }
        problem.set("");
        total.set(Texts.get("cost.total", Figures.money(estimate.total())));
        context.set(Texts.get("cost.context", estimate.region(), estimate.tier(), estimate.priceBookVersion(),
                estimate.priceBookChecked().toString()));
        services.setAll(bars(estimate.byService()));
        lines.setAll(estimate.lines().stream().map(CostRow::of).toList());
        notes.setAll(estimate.notes());
    }

    private void clear() {
        boolean invalid = cost.stackUsageProperty().get().hasErrors();
        problem.set(invalid ? Texts.get("cost.usage_invalid") : Texts.get("cost.no_stack"));
        total.set("");
        context.set("");
        services.clear();
        lines.clear();
        notes.clear();
    }

    private static List<ServiceBar> bars(Map<String, BigDecimal> byService) {
        BigDecimal dearest = byService.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        List<ServiceBar> bars = new ArrayList<>();
        byService.forEach((service, amount) -> {
            double share = dearest.signum() == 0 ? 0 : amount.divide(dearest, MathContext.DECIMAL64).doubleValue();
            bars.add(new ServiceBar(service, amount, Figures.money(amount), share));
        });
        return bars;
    }
}
