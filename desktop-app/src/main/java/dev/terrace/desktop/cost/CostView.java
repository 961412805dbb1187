package dev.terrace.desktop.cost;

import atlantafx.base.theme.Styles;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.desktop.Texts;
import dev.terrace.desktop.common.DiagnosticCell;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The cost screen: the total and what it rests on, the usage sliders, a bar per service, the line
 * items and the notes. It only lays out and binds; {@link CostViewModel} decides.
 */
public final class CostView extends ScrollPane {

    /** The length of the dearest service's bar, in pixels. */
    private static final double BAR_LENGTH = 320;

    private final CostViewModel viewModel;
    private final GridPane sliders = new GridPane();
    private final GridPane bars = new GridPane();

    public CostView(CostViewModel viewModel) {
        this.viewModel = viewModel;
        setId("cost-view");
        setFitToWidth(true);
        VBox figures = new VBox(12, heading("cost.by_service"), bars, heading("cost.lines"),
                new CostLinesTable(viewModel.lines(), 14), heading("cost.notes"), notes());
        figures.visibleProperty().bind(viewModel.availableProperty());
        figures.managedProperty().bind(figures.visibleProperty());
        // Without an estimate the sliders would show zeros that look like figures, so they hide too.
        VBox assumptions = new VBox(12, heading("cost.assumptions"), sliders);
        assumptions.visibleProperty().bind(viewModel.availableProperty());
        assumptions.managedProperty().bind(assumptions.visibleProperty());
        VBox content = new VBox(12, header(), problem(), assumptions, figures);
        content.setPadding(new Insets(16));
        setContent(content);

        viewModel.buckets().addListener((ListChangeListener<UsageSlider>) change -> fillSliders());
        fillSliders();
        viewModel.services().addListener((ListChangeListener<ServiceBar>) change -> fillBars());
        fillBars();
    }

    private Node header() {
        Label total = new Label();
        total.setId("cost-total");
        total.getStyleClass().add(Styles.TITLE_2);
        total.textProperty().bind(viewModel.totalProperty());
        Label context = new Label();
        context.setId("cost-context");
        context.setWrapText(true);
        context.getStyleClass().add(Styles.TEXT_MUTED);
        context.textProperty().bind(viewModel.contextProperty());
        Button reset = new Button(Texts.get("cost.reset"), new FontIcon(Feather.ROTATE_CCW));
        reset.setId("cost-reset");
        reset.setTooltip(new Tooltip(Texts.get("cost.reset.tooltip")));
        reset.setOnAction(event -> viewModel.resetToStack());
        reset.disableProperty().bind(viewModel.availableProperty().not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, total, spacer, reset);
        top.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, top, context);
    }

    private Node problem() {
        Label sentence = new Label();
        sentence.setId("cost-problem");
        sentence.setWrapText(true);
        sentence.getStyleClass().add(Styles.DANGER);
        sentence.textProperty().bind(viewModel.problemProperty());
        sentence.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        sentence.managedProperty().bind(sentence.visibleProperty());
        ListView<Diagnostic> list = new ListView<>(viewModel.diagnostics());
        list.setId("cost-diagnostics");
        list.setCellFactory(view -> new DiagnosticCell());
        list.setPrefHeight(180);
        list.visibleProperty().bind(Bindings.isNotEmpty(viewModel.diagnostics()));
        list.managedProperty().bind(list.visibleProperty());
        return new VBox(8, sentence, list);
    }

    private static Label heading(String key) {
        Label label = new Label(Texts.get(key));
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private void fillSliders() {
        sliders.getChildren().clear();
        sliders.getColumnConstraints().setAll(new ColumnConstraints(), grower(), new ColumnConstraints(),
                new ColumnConstraints());
        sliders.setHgap(12);
        sliders.setVgap(8);
        int row = 0;
        addSlider(viewModel.requests(), row++);
        addSlider(viewModel.duration(), row++);
        for (UsageSlider bucket : viewModel.buckets()) {
            addSlider(bucket, row++);
        }
    }

    private static ColumnConstraints grower() {
        ColumnConstraints grow = new ColumnConstraints(160, 420, Double.MAX_VALUE);
        grow.setHgrow(Priority.ALWAYS);
        return grow;
    }

    private void addSlider(UsageSlider usage, int row) {
        Label label = new Label(usage.label());
        Slider slider = new Slider(0, 1, usage.positionProperty().get());
        slider.setId("cost-" + usage.id() + "-slider");
        slider.valueProperty().bindBidirectional(usage.positionProperty());
        slider.setBlockIncrement(0.02);
        TextField number = new TextField();
        number.setId("cost-" + usage.id() + "-value");
        number.setPrefColumnCount(10);
        number.setAlignment(Pos.CENTER_RIGHT);
        number.textProperty().bindBidirectional(usage.textProperty());
        number.setOnAction(event -> usage.commitText());
        number.focusedProperty().addListener((observable, before, focused) -> {
            if (!focused) {
                usage.commitText();
            }
        });
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.setMaxWidth(360);
        error.textProperty().bind(usage.errorProperty());
        slider.disableProperty().bind(viewModel.availableProperty().not());
        number.disableProperty().bind(viewModel.availableProperty().not());
        sliders.addRow(row, label, slider, number, error);
    }

    private void fillBars() {
        bars.getChildren().clear();
        bars.setHgap(12);
        bars.setVgap(6);
        int row = 0;
        for (ServiceBar service : viewModel.services()) {
            Region bar = new Region();
            bar.setId("cost-bar-" + row);
            bar.setStyle("-fx-background-color: -color-accent-emphasis; -fx-background-radius: 2;");
            double length = service.cost().signum() > 0 ? Math.max(2, service.share() * BAR_LENGTH) : 0;
            bar.setMinSize(length, 14);
            bar.setPrefSize(length, 14);
            bar.setMaxSize(length, 14);
            Label amount = new Label(service.costText());
            amount.setMinWidth(70);
            amount.setAlignment(Pos.CENTER_RIGHT);
            bars.addRow(row++, new Label(service.service()), amount, bar);
        }
    }

    private Node notes() {
        VBox box = new VBox(4);
        box.setId("cost-notes");
        Runnable fill = () -> box.getChildren().setAll(viewModel.notes().stream().map(note -> {
            Label line = new Label("\u2022 " + note);
            line.setWrapText(true);
            line.setMaxWidth(900);
            return (Node) line;
        }).toList());
        viewModel.notes().addListener((ListChangeListener<String>) change -> fill.run());
        fill.run();
        return box;
    }
}
