package dev.terrace.desktop.secrets;

import atlantafx.base.theme.Styles;
import dev.terrace.core.port.SecretVersion;
import dev.terrace.core.secret.SecretEntry;
import dev.terrace.desktop.Texts;
import dev.terrace.desktop.shell.MainViewModel;
import dev.terrace.desktop.shell.Screen;
import dev.terrace.desktop.task.PollTimer;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.WindowEvent;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The secret editor. The secrets are listed on the left. On the right are the chosen secret's
 * replication, labels, readers and versions, the version commands and the input for a new
 * version. The view only lays out and binds, and {@link SecretsViewModel} runs the commands.
 */
public final class SecretsView extends BorderPane {

    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final SecretsViewModel viewModel;
    private final ListView<SecretEntry> list = new ListView<>();
    private final TableView<SecretVersion> versions = new TableView<>();
    private final ObservableList<String> versionNumbers = FXCollections.observableArrayList();
    private final SecretValueInput input;

    public SecretsView(SecretsViewModel viewModel) {
        this.viewModel = viewModel;
        this.input = new SecretValueInput(viewModel.revealedProperty());
        setId("secrets-view");
        setTop(toolBar());
        setLeft(secretList());
        ScrollPane details = new ScrollPane(details());
        details.setFitToWidth(true);
        setCenter(details);
        sceneProperty().addListener((observable, before, scene) -> closeWithWindow(scene));
        viewModel.importPreviewProperty().addListener((observable, before, after) -> {
            if (after != null) {
                ImportPreviewDialog.confirm(getScene().getWindow(), after, viewModel::applyImport,
                        viewModel::cancelImport);
            }
        });
    }

    /** Builds the view and its view model for the console, and reads the secrets each time the screen is shown. */
    public static SecretsView create(MainViewModel main, PollTimer timer) {
        SecretsViewModel viewModel = new SecretsViewModel(main.model(), timer, new SystemSecretClipboard());
        main.screenProperty().addListener((observable, before, after) -> {
            if (after == Screen.SECRETS) {
                viewModel.refresh();
            }
        });
        return new SecretsView(viewModel);
    }

    public SecretsViewModel viewModel() {
        return viewModel;
    }

    /** Closes the view model when the window closes, so a copied value leaves the clipboard before its 30 s are up. */
    private void closeWithWindow(Scene scene) {
        if (scene == null) {
            return;
        }
        if (scene.getWindow() != null) {
            scene.getWindow().addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> viewModel.close());
            return;
        }
        scene.windowProperty().addListener((observable, before, window) -> {
            if (window != null) {
                window.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> viewModel.close());
            }
        });
    }

    private ToolBar toolBar() {
        Button refresh = button("secrets.action.refresh", Feather.REFRESH_CW, "secrets-refresh", viewModel::refresh);
        Button importEnv = button("secrets.action.import", Feather.DOWNLOAD, "secrets-import", () -> {
            File file = envChooser().showOpenDialog(getScene().getWindow());
            if (file != null) {
                viewModel.previewImport(file.toPath());
            }
        });
        Button export = button("secrets.action.export", Feather.SHARE, "secrets-export", () -> {
            FileChooser chooser = envChooser();
            chooser.setInitialFileName(".env.example");
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                viewModel.exportExample(file.toPath());
            }
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(refresh, importEnv, export, spacer, busy);
    }

    private Node secretList() {
        list.setId("secrets-list");
        list.setItems(viewModel.secrets());
        list.setPrefWidth(320);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(SecretEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : listLabel(entry));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null && after != viewModel.selectedProperty().get()) {
                viewModel.selectedProperty().set(after);
            }
        });
        viewModel.selectedProperty().addListener((observable, before, after) -> {
            if (after != null && list.getSelectionModel().getSelectedItem() != after) {
                list.getSelectionModel().select(after);
            }
            if (before == null || after == null || !before.secretId().equals(after.secretId())) {
                input.clear();
            }
        });
        return list;
    }

    private Node details() {
        Label title = new Label();
        title.setId("secret-title");
        title.getStyleClass().add(Styles.TITLE_3);
        Label settings = new Label();
        settings.setId("secret-settings");
        Label readers = new Label();
        readers.setId("secret-readers");
        readers.setWrapText(true);
        viewModel.selectedProperty().addListener((observable, before, after) -> {
            title.setText(after == null ? Texts.get("secrets.none_selected") : listLabel(after));
            settings.setText(after == null ? "" : settingsText(after));
            readers.setText(after == null ? "" : readersText(after));
            versions.getItems().setAll(after == null ? List.of() : after.versions());
            versionNumbers.setAll(after == null ? List.of()
                    : after.versions().stream().map(SecretVersion::version).toList());
        });
        title.setText(Texts.get("secrets.none_selected"));
        VBox box = new VBox(8, title, settings, heading("secrets.readers.title"), readers,
                heading("secrets.versions.title"), versionTable(), versionActions(), compareRow(),
                heading("secrets.add.title"), addSection(), feedback());
        box.setPadding(new Insets(12));
        return box;
    }

    private Node versionTable() {
        versions.setId("secret-versions");
        versions.setPrefHeight(180);
        versions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        versions.getColumns().add(column("secrets.column.version", SecretVersion::version));
        versions.getColumns().add(column("secrets.column.state", version -> version.state().toLowerCase(java.util.Locale.ROOT)));
        versions.getColumns().add(column("secrets.column.created",
                version -> version.createTime() == null ? "" : CREATED.format(version.createTime())));
        return versions;
    }

    private Node versionActions() {
        CheckBox force = new CheckBox(Texts.get("secrets.action.force"));
        force.setId("secret-force");
        Button enable = button("secrets.action.enable", Feather.CHECK_CIRCLE, "secret-enable",
                () -> viewModel.enable(chosenVersion()));
        Button disable = button("secrets.action.disable", Feather.SLASH, "secret-disable",
                () -> viewModel.disable(chosenVersion()));
        Button destroy = button("secrets.action.destroy", Feather.TRASH_2, "secret-destroy", () -> {
            String version = chosenVersion();
            boolean forced = force.isSelected();
            viewModel.checkDestroy(version, forced, () -> DestroyDialog.ask(getScene().getWindow(),
                    viewModel.selectedProperty().get().secretId(), version)
                    .ifPresent(typed -> viewModel.destroy(version, typed, forced)));
        });
        destroy.getStyleClass().add(Styles.DANGER);
        for (Button button : List.of(enable, disable, destroy)) {
            button.disableProperty().bind(versions.getSelectionModel().selectedItemProperty().isNull()
                    .or(viewModel.busyProperty()));
        }
        return new HBox(8, enable, disable, destroy, force);
    }

    private Node compareRow() {
        ChoiceBox<String> first = new ChoiceBox<>(versionNumbers);
        first.setId("secret-compare-first");
        ChoiceBox<String> second = new ChoiceBox<>(versionNumbers);
        second.setId("secret-compare-second");
        Button compare = button("secrets.action.compare", Feather.COLUMNS, "secret-compare",
                () -> viewModel.compare(first.getValue(), second.getValue()));
        compare.disableProperty().bind(first.valueProperty().isNull().or(second.valueProperty().isNull()));
        Label outcome = new Label();
        outcome.setId("secret-comparison");
        outcome.textProperty().bind(viewModel.comparisonProperty());
        return new HBox(8, new Label(Texts.get("secrets.compare.label")), first, second, compare, outcome);
    }

    private Node addSection() {
        Label rule = new Label();
        rule.setId("secret-rule");
        rule.setWrapText(true);
        rule.getStyleClass().add(Styles.TEXT_MUTED);
        viewModel.selectedProperty().addListener((observable, before, after) -> rule.setText(viewModel.rule()));

        ToggleButton reveal = new ToggleButton(Texts.get("secrets.action.reveal"), new FontIcon(Feather.EYE));
        reveal.setId("secret-reveal");
        reveal.setOnAction(event -> {
            if (reveal.isSelected()) {
                viewModel.reveal();
            } else {
                viewModel.hide();
            }
        });
        viewModel.revealedProperty().addListener((observable, before, after) -> reveal.setSelected(after));
        reveal.disableProperty().bind(viewModel.selectedProperty().isNull());

        Button copy = button("secrets.action.copy", Feather.COPY, "secret-copy", () -> viewModel.copy(input.copyValue()));
        Button load = button("secrets.action.load", Feather.FILE, "secret-load", () -> {
            File file = new FileChooser().showOpenDialog(getScene().getWindow());
            if (file != null) {
                viewModel.addVersionFromFile(file.toPath());
            }
        });
        Button generate = button("secrets.action.generate", Feather.SHUFFLE, "secret-generate",
                viewModel::addGeneratedKey);
        Button add = button("secrets.action.add", Feather.PLUS, "secret-add", () -> viewModel.addVersion(input.takeValue()));
        add.getStyleClass().add(Styles.ACCENT);
        for (Button button : List.of(copy, load, generate, add)) {
            button.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.busyProperty()));
        }
        return new VBox(6, rule, input, new HBox(8, reveal, copy, load, generate, add));
    }

    private Node feedback() {
        Label problem = new Label();
        problem.setId("secret-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.managedProperty().bind(viewModel.problemProperty().isNotEmpty());
        Label message = new Label();
        message.setId("secret-message");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(viewModel.messageProperty());
        message.managedProperty().bind(viewModel.messageProperty().isNotEmpty());
        ListView<String> impact = new ListView<>(viewModel.impactNotes());
        impact.setId("secret-impact");
        impact.setPrefHeight(110);
        return new VBox(6, problem, message, impact);
    }

    private String chosenVersion() {
        SecretVersion chosen = versions.getSelectionModel().getSelectedItem();
        return chosen == null ? null : chosen.version();
    }

    private static String listLabel(SecretEntry entry) {
        if (!entry.managed()) {
            return entry.secretId() + " (" + Texts.get("secrets.unmanaged") + ")";
        }
        return entry.exists() ? entry.secretId() : entry.secretId() + " (" + Texts.get("secrets.missing") + ")";
    }

    private static String settingsText(SecretEntry entry) {
        String replication = entry.replicaLocations().isEmpty()
                ? Texts.get("secrets.replication", entry.replication())
                : Texts.get("secrets.replication.locations", entry.replication(), String.join(", ", entry.replicaLocations()));
        String labels = entry.labels().isEmpty() ? Texts.get("secrets.labels.none")
                : Texts.get("secrets.labels", entry.labels().entrySet().stream()
                        .map(label -> label.getKey() + "=" + label.getValue()).collect(Collectors.joining(", ")));
        return replication + "\n" + labels;
    }

    private static String readersText(SecretEntry entry) {
        if (entry.readers().isEmpty()) {
            return Texts.get("secrets.readers.none");
        }
        return entry.readers().stream()
                .map(reader -> Texts.get("secrets.reader", reader.resource(), reader.envVar(), reader.version()))
                .collect(Collectors.joining("\n"));
    }

    private static Label heading(String key) {
        Label label = new Label(Texts.get(key));
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private static TableColumn<SecretVersion, String> column(String key,
            java.util.function.Function<SecretVersion, String> text) {
        TableColumn<SecretVersion, String> column = new TableColumn<>(Texts.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(Objects.toString(text.apply(cell.getValue()), "")));
        return column;
    }

    private static Button button(String key, Feather icon, String id, Runnable command) {
        Button button = new Button(Texts.get(key), new FontIcon(icon));
        button.setId(id);
        button.setOnAction(event -> command.run());
        return button;
    }

    private static FileChooser envChooser() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(Texts.get("secrets.chooser.env"), "*.env*", ".env*"),
                new FileChooser.ExtensionFilter(Texts.get("secrets.chooser.all"), "*"));
        return chooser;
    }
}
