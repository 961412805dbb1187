package dev.terrace.desktop.connect;

import atlantafx.base.theme.Styles;
import dev.terrace.desktop.Texts;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The connect dialog: the detected credentials on top, the choices below, problems in plain words
 * under the field they concern, and the commands at the bottom. It only lays out and binds.
 */
public final class ConnectDialog {

    private static final double LABEL_WIDTH = 120;
    private static final double WIDTH = 720;

    private final ConnectViewModel viewModel;
    private final VBox content;
    private Stage stage;

    public ConnectDialog(ConnectViewModel viewModel) {
        this.viewModel = viewModel;
        this.content = new VBox(12, header(), credentials(), choices(), failure(), buttons());
        content.setPadding(new Insets(16));
        content.setPrefWidth(WIDTH);
        content.setId("connect-dialog");
        viewModel.finishedProperty().addListener((observable, before, done) -> {
            if (done && stage != null) {
                stage.close();
            }
        });
        // Messages appear and vanish under the fields, so the window follows the content's height.
        content.heightProperty().addListener((observable, before, after) -> fitWindow());
        viewModel.warnings().addListener((ListChangeListener<String>) change -> fitWindow());
        for (ObservableStringValue text : List.of(viewModel.credentialsProblemProperty(), viewModel.failureProperty(),
                viewModel.projectErrorProperty(), viewModel.regionErrorProperty(),
                viewModel.impersonateErrorProperty(), viewModel.quotaProjectErrorProperty())) {
            text.addListener((observable, before, after) -> fitWindow());
        }
    }

    private void fitWindow() {
        if (stage != null && stage.isShowing()) {
            Platform.runLater(stage::sizeToScene);
        }
    }

    /** Returns the dialog's content, for tests and snapshots that place it in their own window. */
    public Node content() {
        return content;
    }

    /** Shows the dialog over the owner window; call the view model's {@code open} first. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            stage.setTitle(Texts.get("connect.title"));
            stage.setScene(new Scene(content));
        }
        stage.show();
        stage.toFront();
    }

    private Node header() {
        Label title = new Label(Texts.get("connect.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label subtitle = new Label(Texts.get("connect.header"));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(24, 24);
        progress.visibleProperty().bind(viewModel.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new HBox(12, new VBox(2, title, subtitle), spacer, progress);
    }

    private Node credentials() {
        GridPane grid = grid();
        grid.addRow(0, label("connect.label.source"), value(viewModel.credentialsKindProperty(), "credentials-kind"));
        grid.addRow(1, label("connect.label.file"), value(viewModel.credentialsFileProperty(), "credentials-file"));
        grid.addRow(2, label("connect.label.principal"), value(viewModel.principalProperty(), "principal"));
        Label problem = message(viewModel.credentialsProblemProperty(), Styles.DANGER, "credentials-problem");
        VBox warnings = new VBox(4);
        warnings.setId("connect-warnings");
        viewModel.warnings().addListener((ListChangeListener<String>) change -> showWarnings(warnings));
        showWarnings(warnings);
        Button detect = new Button(Texts.get("connect.button.detect"), new FontIcon(Feather.REFRESH_CW));
        detect.setId("detect-button");
        detect.setOnAction(event -> viewModel.detect());
        detect.disableProperty().bind(viewModel.busyProperty());
        return section("connect.section.credentials", grid, problem, warnings, detect);
    }

    private void showWarnings(VBox box) {
        box.getChildren().clear();
        for (String text : viewModel.warnings()) {
            Label warning = new Label(text, new FontIcon(Feather.ALERT_TRIANGLE));
            warning.setWrapText(true);
            warning.setMinHeight(Region.USE_PREF_SIZE);
            warning.getStyleClass().add(Styles.WARNING);
            box.getChildren().add(warning);
        }
    }

    private Node choices() {
        ComboBox<String> project = new ComboBox<>(viewModel.projects());
        project.setId("project-field");
        project.setEditable(true);
        project.setMaxWidth(Double.MAX_VALUE);
        project.getEditor().textProperty().bindBidirectional(viewModel.projectProperty());
        project.valueProperty().addListener((observable, before, picked) -> {
            if (picked != null) {
                viewModel.projectProperty().set(picked);
            }
        });
        Button list = new Button(Texts.get("connect.button.projects"), new FontIcon(Feather.LIST));
        list.setId("list-projects-button");
        list.setOnAction(event -> viewModel.loadProjects());
        list.disableProperty().bind(viewModel.busyProperty());
        HBox.setHgrow(project, Priority.ALWAYS);
        Label found = message(viewModel.projectsStatusProperty(), Styles.TEXT_MUTED, "projects-status");
        VBox projectCell = new VBox(4, new HBox(8, project, list), found,
                message(viewModel.projectErrorProperty(), Styles.DANGER, "project-error"));

        ComboBox<String> region = new ComboBox<>();
        region.setId("region-field");
        region.getItems().setAll(viewModel.regions());
        region.valueProperty().bindBidirectional(viewModel.regionProperty());
        region.setMaxWidth(Double.MAX_VALUE);

        TextField impersonate = field("impersonate-field", "connect.prompt.impersonate");
        impersonate.textProperty().bindBidirectional(viewModel.impersonateProperty());
        TextField quota = field("quota-project-field", "connect.prompt.quota_project");
        quota.textProperty().bindBidirectional(viewModel.quotaProjectProperty());

        GridPane grid = grid();
        grid.addRow(0, label("connect.label.project"), projectCell);
        grid.addRow(1, label("connect.label.region"), new VBox(4, region,
                message(viewModel.regionErrorProperty(), Styles.DANGER, "region-error")));
        grid.addRow(2, label("connect.label.impersonate"), new VBox(4, impersonate,
                message(viewModel.impersonateErrorProperty(), Styles.DANGER, "impersonate-error")));
        grid.addRow(3, label("connect.label.quota_project"), new VBox(4, quota,
                message(viewModel.quotaProjectErrorProperty(), Styles.DANGER, "quota-project-error")));
        return section("connect.section.choice", grid);
    }

    private Node failure() {
        Label failure = message(viewModel.failureProperty(), Styles.DANGER, "connect-failure");
        Label detail = message(viewModel.failureDetailProperty(), Styles.TEXT_MUTED, "connect-failure-detail");
        detail.visibleProperty().bind(viewModel.failureProperty().isNotEmpty());
        detail.managedProperty().bind(detail.visibleProperty());
        return new VBox(4, failure, detail);
    }

    private Node buttons() {
        Button sandbox = new Button(Texts.get("connect.button.sandbox"), new FontIcon(Feather.BOX));
        sandbox.setId("use-sandbox-button");
        sandbox.setOnAction(event -> viewModel.useSandbox());
        sandbox.disableProperty().bind(viewModel.busyProperty());
        Button close = new Button(Texts.get("connect.button.close"));
        close.setId("close-connect-button");
        close.setCancelButton(true);
        close.setOnAction(event -> {
            if (stage != null) {
                stage.close();
            }
        });
        Button connect = new Button(Texts.get("connect.button.connect"), new FontIcon(Feather.LOG_IN));
        connect.setId("connect-button");
        connect.setDefaultButton(true);
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setOnAction(event -> viewModel.connect());
        connect.disableProperty().bind(viewModel.connectDisabledBinding());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, sandbox, spacer, close, connect);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }

    private static VBox section(String titleKey, Node... children) {
        Label title = new Label(Texts.get(titleKey));
        title.getStyleClass().add(Styles.TITLE_4);
        VBox section = new VBox(8, title);
        section.getChildren().addAll(children);
        return section;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints(LABEL_WIDTH);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, values);
        return grid;
    }

    private static Label label(String key) {
        Label label = new Label(Texts.get(key));
        label.getStyleClass().add(Styles.TEXT_BOLD);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label value(ObservableStringValue text, String id) {
        Label value = new Label();
        value.setId(id);
        value.setWrapText(true);
        value.setMinHeight(Region.USE_PREF_SIZE);
        value.textProperty().bind(text);
        return value;
    }

    private static TextField field(String id, String promptKey) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(Texts.get(promptKey));
        return field;
    }

    /** Returns a wrapped message label that takes no room while its text is empty. */
    private static Label message(ObservableStringValue text, String style, String id) {
        Label message = new Label();
        message.setId(id);
        message.setWrapText(true);
        message.getStyleClass().add(style);
        message.textProperty().bind(text);
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        // A wrapped label in a VBox is otherwise cut to one line with an ellipsis.
        message.setMinHeight(Region.USE_PREF_SIZE);
        return message;
    }
}
