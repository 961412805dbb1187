package dev.terrace.desktop.chapters;

import atlantafx.base.theme.Styles;
import dev.terrace.desktop.Texts;
import dev.terrace.desktop.cost.ChapterCost;
import dev.terrace.desktop.cost.CostLinesTable;
import dev.terrace.desktop.cost.CostRow;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The chapter panel: explanation, resources, settings and the chapter's actions. */
public final class ChapterPanelView extends ScrollPane {

    private final ChapterPanelViewModel viewModel;
    private final GridPane settingsGrid = new GridPane();

    public ChapterPanelView(ChapterPanelViewModel viewModel, ImagesView images, Runnable planChapter,
            Runnable applyChapter) {
        this.viewModel = viewModel;
        setId("chapter-panel");
        setFitToWidth(true);
        Label title = new Label();
        title.setId("chapter-title");
        title.textProperty().bind(viewModel.titleProperty());
        title.getStyleClass().add(Styles.TITLE_3);
        Label explanation = wrapped(viewModel.explanationProperty().get());
        explanation.textProperty().bind(viewModel.explanationProperty());
        Label related = wrapped("");
        related.setId("chapter-related");
        related.textProperty().bind(viewModel.relatedProperty());
        related.getStyleClass().add(Styles.ACCENT);
        related.visibleProperty().bind(viewModel.relatedProperty().isNotEmpty());
        related.managedProperty().bind(related.visibleProperty());
        VBox content = new VBox(12, title, explanation, related, connectionCheck(), images, heading("chapter.resources"),
                resourceTable(), heading("chapter.cost"), costSection(), heading("chapter.settings"), settingsBox(),
                actions(planChapter, applyChapter));
        content.setPadding(new Insets(16));
        setContent(content);
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(900);
        return label;
    }

    private static Label heading(String key) {
        Label label = new Label(Texts.get(key));
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private HBox connectionCheck() {
        Button check = new Button(Texts.get("chapter.04.check"), new FontIcon(Feather.SHIELD));
        check.setId("check-database-url");
        check.setOnAction(event -> viewModel.checkConnectionString());
        Label result = new Label();
        result.setId("check-database-url-result");
        result.textProperty().bind(viewModel.checkResultProperty());
        result.setWrapText(true);
        HBox row = new HBox(8, check, result);
        row.setAlignment(Pos.CENTER_LEFT);
        viewModel.titleProperty().addListener((observable, before, after) -> {
            row.setVisible(viewModel.hasConnectionCheck());
            row.setManaged(viewModel.hasConnectionCheck());
        });
        row.setVisible(viewModel.hasConnectionCheck());
        row.setManaged(viewModel.hasConnectionCheck());
        return row;
    }

    private TableView<ChapterResourceRow> resourceTable() {
        TableView<ChapterResourceRow> table = new TableView<>(viewModel.resources());
        table.setId("chapter-resources");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Texts.get("chapter.no_resources")));
        TableColumn<ChapterResourceRow, String> address = new TableColumn<>(Texts.get("chapter.column.address"));
        address.setCellValueFactory(cell -> new javafx.beans.property.SimpleStringProperty(cell.getValue().address()));
        address.setPrefWidth(300);
        TableColumn<ChapterResourceRow, ChapterResourceRow> condition =
                new TableColumn<>(Texts.get("chapter.column.condition"));
        condition.setCellValueFactory(cell -> new javafx.beans.property.SimpleObjectProperty<>(cell.getValue()));
        condition.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(ChapterResourceRow item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    ConditionStyles.apply(this, null);
                    return;
                }
                setText(Texts.get("condition." + item.condition().name().toLowerCase(java.util.Locale.ROOT)));
                ConditionStyles.apply(this, item.condition());
            }
        });
        condition.setPrefWidth(120);
        TableColumn<ChapterResourceRow, String> summary = new TableColumn<>(Texts.get("chapter.column.status"));
        summary.setPrefWidth(520);
        summary.setCellValueFactory(cell -> new javafx.beans.property.SimpleStringProperty(cell.getValue().summary()));
        table.getColumns().addAll(List.of(address, condition, summary));
        // As tall as its rows, up to ten, so a chapter with one resource has no empty box.
        table.setFixedCellSize(36);
        table.prefHeightProperty().bind(Bindings.min(10, Bindings.max(1, Bindings.size(viewModel.resources())))
                .add(1.6).multiply(36));
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.visibleProperty().bind(Bindings.isNotEmpty(viewModel.resources()));
        table.managedProperty().bind(table.visibleProperty());
        return table;
    }

    private VBox costSection() {
        Label summary = wrapped("");
        summary.setId("chapter-cost-summary");
        ObservableList<CostRow> rows = FXCollections.observableArrayList();
        CostLinesTable table = new CostLinesTable(rows, 8);
        table.setId("chapter-cost-lines");
        table.visibleProperty().bind(Bindings.isNotEmpty(rows));
        table.managedProperty().bind(table.visibleProperty());
        Runnable show = () -> {
            ChapterCost cost = viewModel.costProperty().get();
            summary.setText(cost == null ? "" : cost.summary());
            rows.setAll(cost == null ? List.of() : cost.rows());
        };
        viewModel.costProperty().addListener(changed -> show.run());
        show.run();
        return new VBox(8, summary, table);
    }

    private VBox settingsBox() {
        settingsGrid.setHgap(10);
        settingsGrid.setVgap(6);
        viewModel.settings().addListener((ListChangeListener<SettingField>) change -> fillSettings());
        fillSettings();
        Button save = new Button(Texts.get("chapter.save"), new FontIcon(Feather.SAVE));
        save.setId("settings-save");
        save.disableProperty().bind(viewModel.dirtyProperty().not().or(viewModel.validProperty().not()));
        save.setOnAction(event -> viewModel.save());
        Button revert = new Button(Texts.get("chapter.revert"));
        revert.disableProperty().bind(viewModel.dirtyProperty().not());
        revert.setOnAction(event -> viewModel.revert());
        Label message = new Label();
        message.textProperty().bind(viewModel.saveMessageProperty());
        HBox buttons = new HBox(8, save, revert, message);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, settingsGrid, buttons);
        Label none = new Label(Texts.get("chapter.no_settings"));
        none.getStyleClass().add(Styles.TEXT_MUTED);
        box.getChildren().add(0, none);
        none.visibleProperty().bind(Bindings.isEmpty(viewModel.settings()));
        none.managedProperty().bind(none.visibleProperty());
        buttons.visibleProperty().bind(Bindings.isNotEmpty(viewModel.settings()));
        buttons.managedProperty().bind(buttons.visibleProperty());
        return box;
    }

    private void fillSettings() {
        settingsGrid.getChildren().clear();
        int row = 0;
        for (SettingField field : viewModel.settings()) {
            Label label = new Label(field.key());
            TextField input = new TextField();
            input.setId("setting-" + field.key());
            input.setPrefColumnCount(32);
            input.textProperty().bindBidirectional(field.valueProperty());
            Label error = new Label();
            error.getStyleClass().add(Styles.DANGER);
            error.setWrapText(true);
            error.setMaxWidth(520);
            error.textProperty().bind(field.errorProperty());
            settingsGrid.addRow(row++, label, input, error);
            GridPane.setHgrow(error, Priority.ALWAYS);
        }
    }

    private HBox actions(Runnable planChapter, Runnable applyChapter) {
        Button plan = new Button(Texts.get("chapter.plan"), new FontIcon(Feather.CLIPBOARD));
        plan.setId("chapter-plan");
        plan.setOnAction(event -> planChapter.run());
        Button apply = new Button(Texts.get("chapter.apply"), new FontIcon(Feather.PLAY));
        apply.setId("chapter-apply");
        apply.setOnAction(event -> applyChapter.run());
        plan.disableProperty().bind(Bindings.isEmpty(viewModel.resources()));
        apply.disableProperty().bind(Bindings.isEmpty(viewModel.resources()));
        return new HBox(8, plan, apply);
    }
}
