package dev.terrace.desktop.status;

import atlantafx.base.theme.Styles;
import dev.terrace.desktop.Texts;
import dev.terrace.desktop.logs.ClipboardText;
import dev.terrace.desktop.model.ResourceCondition;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The status dashboard: the service URL on top, where it can be selected and copied, the polling
 * controls, and a table of every resource with drift, errors and missing resources highlighted.
 */
public final class StatusView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final List<String> ROW_CLASSES = List.of("status-drift", "status-error", "status-missing");

    private final StatusViewModel viewModel;
    private final TableView<StatusRow> table = new TableView<>();

    public StatusView(StatusViewModel viewModel) {
        this.viewModel = viewModel;
        setId("status-view");
        setSpacing(8);
        setPadding(new Insets(8));
        getStylesheets().add(StatusView.class.getResource("status.css").toExternalForm());
        getChildren().addAll(serviceBar(), controls(), table());
    }

    private HBox serviceBar() {
        Label label = new Label(Texts.get("status.service_url"));
        TextField url = new TextField();
        url.setId("service-url");
        url.setEditable(false);
        url.getStyleClass().add("status-url");
        url.textProperty().bind(Bindings.when(viewModel.serviceUrlProperty().isEmpty())
                .then(Texts.get("status.service_url.none")).otherwise(viewModel.serviceUrlProperty()));
        HBox.setHgrow(url, Priority.ALWAYS);
        Button copy = new Button(Texts.get("status.copy_url"), new FontIcon(Feather.COPY));
        copy.setId("copy-service-url");
        copy.disableProperty().bind(viewModel.serviceUrlProperty().isEmpty());
        copy.setOnAction(event -> ClipboardText.put(viewModel.serviceUrlProperty().get()));
        HBox bar = new HBox(8, label, url, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private HBox controls() {
        ChoiceBox<PollInterval> interval = new ChoiceBox<>();
        interval.setId("poll-interval");
        interval.getItems().setAll(viewModel.intervals());
        interval.valueProperty().bindBidirectional(viewModel.intervalProperty());
        Button readNow = new Button(Texts.get("status.read_now"), new FontIcon(Feather.REFRESH_CW));
        readNow.setId("status-read-now");
        readNow.disableProperty().bind(viewModel.readingProperty());
        readNow.setOnAction(event -> viewModel.readNow());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(viewModel.readingProperty());
        Label lastRead = new Label();
        lastRead.getStyleClass().add(Styles.TEXT_MUTED);
        lastRead.textProperty().bind(Bindings.createStringBinding(() -> viewModel.lastReadProperty().get() == null
                ? Texts.get("status.never_read")
                : Texts.get("status.last_read", TIME.format(viewModel.lastReadProperty().get())),
                viewModel.lastReadProperty()));
        Label counts = new Label();
        counts.setId("status-counts");
        counts.textProperty().bind(viewModel.countsProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label intervalLabel = new Label(Texts.get("status.interval"));
        // Labels and buttons keep their full text; the two read-outs give way first on a narrow window.
        intervalLabel.setMinWidth(Region.USE_PREF_SIZE);
        readNow.setMinWidth(Region.USE_PREF_SIZE);
        interval.setMinWidth(Region.USE_PREF_SIZE);
        lastRead.setMinWidth(0);
        counts.setMinWidth(0);
        HBox bar = new HBox(8, intervalLabel, interval, readNow, busy, lastRead, spacer, counts);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private TableView<StatusRow> table() {
        table.setId("status-table");
        table.getStyleClass().addAll("status-table", Styles.DENSE);
        table.setItems(viewModel.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Columns keep their widths and the table scrolls sideways, so no cell is cut to "...".
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(Texts.get("status.no_resources")));
        table.getColumns().addAll(List.of(
                column("status.column.address", 330, row -> row.address().toString()),
                column("status.column.chapter", 200, row -> row.chapter().label() + " " + row.chapter().title()),
                column("status.column.condition", 115, row -> conditionText(row.condition())),
                column("status.column.health", 110, row -> row.health() == null ? "" : row.health().name()),
                column("status.column.summary", 260, StatusRow::summary),
                column("status.column.url", 420, StatusRow::url),
                column("status.column.details", 400, StatusRow::details)));
        table.setRowFactory(view -> new StatusTableRow());
        table.setContextMenu(contextMenu());
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    private static TableColumn<StatusRow, String> column(String key, double width, Function<StatusRow, String> value) {
        TableColumn<StatusRow, String> column = new TableColumn<>(Texts.get(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private ContextMenu contextMenu() {
        MenuItem copyRows = new MenuItem(Texts.get("status.copy_rows"));
        copyRows.setOnAction(event -> ClipboardText.put(table.getSelectionModel().getSelectedItems().stream()
                .map(StatusView::line).collect(Collectors.joining("\n"))));
        MenuItem copyUrl = new MenuItem(Texts.get("status.copy_url"));
        copyUrl.setOnAction(event -> ClipboardText.put(table.getSelectionModel().getSelectedItems().stream()
                .map(StatusRow::url).filter(url -> !url.isBlank()).collect(Collectors.joining("\n"))));
        return new ContextMenu(copyRows, copyUrl);
    }

    private static String line(StatusRow row) {
        return String.join("\t", row.address().toString(), row.condition().name(),
                row.health() == null ? "" : row.health().name(), row.summary(), row.url(), row.details());
    }

    private static String conditionText(ResourceCondition condition) {
        return Texts.get("status.condition." + condition.name().toLowerCase(Locale.ROOT));
    }

    /** A row that carries a style class for its condition, with its address, summary and details as tooltip. */
    private static final class StatusTableRow extends TableRow<StatusRow> {

        @Override
        protected void updateItem(StatusRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll(ROW_CLASSES);
            if (empty || row == null) {
                setTooltip(null);
                return;
            }
            if (row.needsAttention()) {
                getStyleClass().add("status-" + row.highlight().name().toLowerCase(Locale.ROOT));
            }
            String text = row.allDetails().isEmpty() ? row.address().toString()
                    : row.address() + "\n" + row.allDetails();
            setTooltip(new Tooltip(text));
        }
    }
}
