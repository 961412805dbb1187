package dev.terrace.desktop.logs;

import atlantafx.base.theme.Styles;
import dev.terrace.core.event.EngineEvent;
import dev.terrace.core.model.Address;
import dev.terrace.core.port.LogEntry;
import dev.terrace.desktop.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The logs view: a tab of Cloud Logging entries of the stack's services and jobs, and a tab of the
 * engine's events. Selected lines of either list go to the clipboard with the copy button or
 * Ctrl+C.
 */
public final class LogsView extends TabPane {

    private static final String MONOSPACE = "-fx-font-family: monospace;";
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final LogsViewModel viewModel;

    public LogsView(LogsViewModel viewModel) {
        this.viewModel = viewModel;
        setId("logs-view");
        Tab cloud = new Tab(Texts.get("logs.tab.cloud"), cloudLogging());
        cloud.setId("logs-tab-cloud");
        Tab events = new Tab(Texts.get("logs.tab.events"), engineEvents());
        events.setId("logs-tab-events");
        getTabs().addAll(cloud, events);
        getTabs().forEach(tab -> tab.setClosable(false));
    }

    private Node cloudLogging() {
        ChoiceBox<LogScope> scope = new ChoiceBox<>(viewModel.scopes());
        scope.setId("log-scope");
        scope.setPrefWidth(230);
        scope.valueProperty().bindBidirectional(viewModel.scopeProperty());
        ChoiceBox<SeverityFilter> severity = new ChoiceBox<>(FXCollections.observableArrayList(viewModel.severities()));
        severity.setId("log-severity");
        severity.valueProperty().bindBidirectional(viewModel.severityProperty());
        TextField search = new TextField();
        search.setId("log-search");
        search.setPromptText(Texts.get("logs.search.prompt"));
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        ToggleButton tail = new ToggleButton(Texts.get("logs.live_tail"), new FontIcon(Feather.ACTIVITY));
        tail.setId("log-tail");
        tail.selectedProperty().bindBidirectional(viewModel.liveTailProperty());
        Button read = new Button(Texts.get("logs.read"), new FontIcon(Feather.REFRESH_CW));
        read.setId("log-refresh");
        read.setOnAction(event -> viewModel.refresh());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(viewModel.loadingProperty());

        ListView<LogEntry> list = lines(viewModel.visibleEntries(), LogText::line, viewModel::copyText);
        list.setId("log-entries");
        list.setPlaceholder(new Label(Texts.get("logs.no_entries")));
        list.setCellFactory(view -> new LogEntryCell());
        viewModel.visibleEntries().addListener((ListChangeListener<LogEntry>) change -> {
            if (viewModel.liveTailProperty().get() && !list.getItems().isEmpty()) {
                list.scrollTo(list.getItems().size() - 1);
            }
        });
        Button copy = copyButton("log-copy", list, viewModel::copyText);

        Label problem = new Label();
        problem.setId("log-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        // The buttons keep their text; the search field gives way first on a narrow window.
        search.setMinWidth(120);
        for (javafx.scene.control.Control control : List.of(tail, read, copy, severity)) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, scope, severity, search, tail, read, copy, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        return page(bar, problem, list);
    }

    private Node engineEvents() {
        ComboBox<String> address = addressChoice();

        ListView<EngineEvent> list = lines(viewModel.visibleEvents(), LogText::line, viewModel::copyEventText);
        list.setId("engine-events");
        list.setPlaceholder(new Label(Texts.get("logs.events.none")));
        Button copy = copyButton("event-copy", list, viewModel::copyEventText);

        HBox bar = new HBox(8, new Label(Texts.get("logs.events.resource")), address, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        return page(bar, list);
    }

    /**
     * Builds the choice of resource for the engine events. Its items are texts, with "all
     * resources" first, because a combo box does not handle a null item well.
     */
    private ComboBox<String> addressChoice() {
        String all = Texts.get("logs.events.all");
        ComboBox<String> address = new ComboBox<>();
        address.setId("event-address");
        address.setVisibleRowCount(20);
        Runnable fill = () -> {
            List<String> choices = new ArrayList<>();
            choices.add(all);
            viewModel.eventAddresses().forEach(choice -> choices.add(choice.toString()));
            address.getItems().setAll(choices);
            Address chosen = viewModel.eventAddressProperty().get();
            address.setValue(chosen == null ? all : chosen.toString());
        };
        fill.run();
        viewModel.eventAddresses().addListener((ListChangeListener<Address>) change -> fill.run());
        address.valueProperty().addListener((observable, before, after) ->
                viewModel.eventAddressProperty().set(after == null ? null : Address.tryParse(after).orElse(null)));
        viewModel.eventAddressProperty().addListener((observable, before, after) ->
                address.setValue(after == null ? all : after.toString()));
        return address;
    }

    private static <T> ListView<T> lines(ObservableList<T> items, Function<T, String> text,
            Function<List<T>, String> copyText) {
        ListView<T> list = new ListView<>(items);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.getStyleClass().add(Styles.DENSE);
        list.setStyle(MONOSPACE);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        list.setOnKeyPressed(event -> {
            if (COPY.match(event)) {
                ClipboardText.put(copyText.apply(List.copyOf(list.getSelectionModel().getSelectedItems())));
                event.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        return list;
    }

    private static <T> Button copyButton(String id, ListView<T> list, Function<List<T>, String> copyText) {
        Button copy = new Button(Texts.get("logs.copy"), new FontIcon(Feather.COPY));
        copy.setId(id);
        copy.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(event -> ClipboardText.put(copyText.apply(List.copyOf(list.getSelectionModel()
                .getSelectedItems()))));
        return copy;
    }

    private static Node page(Node... children) {
        VBox page = new VBox(8, children);
        page.setPadding(new Insets(8));
        return page;
    }

    /** A log line coloured by its severity: warnings amber, errors and worse red. */
    private static final class LogEntryCell extends ListCell<LogEntry> {

        @Override
        protected void updateItem(LogEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeAll(Styles.WARNING, Styles.DANGER);
            if (empty || entry == null) {
                setText(null);
                return;
            }
            setText(LogText.line(entry));
            int rank = SeverityFilter.rank(entry.severity());
            if (rank >= SeverityFilter.rank("ERROR")) {
                getStyleClass().add(Styles.DANGER);
            } else if (rank >= SeverityFilter.rank("WARNING")) {
                getStyleClass().add(Styles.WARNING);
            }
        }
    }
}
