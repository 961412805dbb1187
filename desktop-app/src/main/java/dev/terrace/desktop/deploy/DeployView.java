package dev.terrace.desktop.deploy;

import atlantafx.base.theme.Styles;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.desktop.Texts;
import dev.terrace.desktop.common.DiagnosticCell;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The deploy screen: what will happen, the confirmation, the progress per resource, the result. */
public final class DeployView extends VBox {

    public DeployView(DeployViewModel viewModel) {
        super(10);
        setId("deploy-view");
        setPadding(new Insets(12));
        Label scope = new Label();
        scope.textProperty().bind(viewModel.scopeProperty());
        scope.getStyleClass().add(Styles.TEXT_MUTED);
        Label summary = new Label();
        summary.setId("deploy-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.getStyleClass().add(Styles.TITLE_4);
        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(viewModel.progressProperty());
        getChildren().addAll(scope, summary, progress, controls(viewModel), serviceUrl(viewModel),
                diagnostics(viewModel), steps(viewModel), failures(viewModel));
    }

    private static HBox controls(DeployViewModel viewModel) {
        Button start = new Button(Texts.get("deploy.start"), new FontIcon(Feather.UPLOAD_CLOUD));
        start.setId("deploy-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(viewModel.canStartBinding().not());
        start.setOnAction(event -> viewModel.start());
        TextField typed = new TextField();
        typed.setId("deploy-confirmation");
        typed.setPromptText(Texts.get("deploy.type_stack_name"));
        typed.textProperty().bindBidirectional(viewModel.confirmationProperty());
        typed.visibleProperty().bind(viewModel.needsTypedConfirmationProperty()
                .and(viewModel.phaseProperty().isEqualTo(DeployPhase.REVIEW)));
        typed.managedProperty().bind(typed.visibleProperty());
        Button apply = new Button(Texts.get("deploy.apply"), new FontIcon(Feather.PLAY));
        apply.setId("deploy-apply");
        apply.getStyleClass().add(Styles.SUCCESS);
        apply.disableProperty().bind(viewModel.canConfirmBinding().not());
        apply.setOnAction(event -> viewModel.confirm());
        typed.setOnAction(event -> viewModel.confirm());
        Button cancel = new Button(Texts.get("deploy.cancel"), new FontIcon(Feather.X_CIRCLE));
        cancel.setId("deploy-cancel");
        cancel.disableProperty().bind(viewModel.phaseProperty().isNotEqualTo(DeployPhase.REVIEW)
                .and(viewModel.phaseProperty().isNotEqualTo(DeployPhase.APPLYING)));
        cancel.setOnAction(event -> viewModel.cancel());
        HBox row = new HBox(8, start, typed, apply, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static TextField serviceUrl(DeployViewModel viewModel) {
        TextField url = new TextField();
        url.setId("deploy-service-url");
        url.setEditable(false);
        url.textProperty().bind(viewModel.serviceUrlProperty());
        url.visibleProperty().bind(viewModel.serviceUrlProperty().isNotEmpty());
        url.managedProperty().bind(url.visibleProperty());
        return url;
    }

    private static ListView<Diagnostic> diagnostics(DeployViewModel viewModel) {
        ListView<Diagnostic> list = new ListView<>(viewModel.diagnostics());
        list.setId("deploy-diagnostics");
        list.setCellFactory(view -> new DiagnosticCell());
        list.setPrefHeight(140);
        list.visibleProperty().bind(Bindings.isNotEmpty(viewModel.diagnostics()));
        list.managedProperty().bind(list.visibleProperty());
        return list;
    }

    private static TableView<DeployStep> steps(DeployViewModel viewModel) {
        TableView<DeployStep> table = new TableView<>(viewModel.steps());
        table.setId("deploy-steps");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Texts.get("deploy.no_steps")));
        TableColumn<DeployStep, String> subject = new TableColumn<>(Texts.get("deploy.column.resource"));
        subject.setCellValueFactory(cell -> new javafx.beans.property.SimpleStringProperty(cell.getValue().subject()));
        subject.setPrefWidth(320);
        TableColumn<DeployStep, String> action = new TableColumn<>(Texts.get("deploy.column.action"));
        action.setCellValueFactory(cell -> new javafx.beans.property.SimpleStringProperty(cell.getValue().action()));
        action.setPrefWidth(140);
        TableColumn<DeployStep, String> state = new TableColumn<>(Texts.get("deploy.column.state"));
        state.setCellValueFactory(cell -> Bindings.createStringBinding(() -> cell.getValue().state().label(),
                cell.getValue().stateProperty()));
        state.setPrefWidth(90);
        TableColumn<DeployStep, Number> attempts = new TableColumn<>(Texts.get("deploy.column.attempts"));
        attempts.setCellValueFactory(cell -> cell.getValue().attemptsProperty());
        attempts.setPrefWidth(80);
        TableColumn<DeployStep, String> message = new TableColumn<>(Texts.get("deploy.column.message"));
        message.setCellValueFactory(cell -> cell.getValue().messageProperty());
        table.getColumns().addAll(java.util.List.of(subject, action, state, attempts, message));
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    private static ListView<String> failures(DeployViewModel viewModel) {
        ListView<String> list = new ListView<>(viewModel.failures());
        list.setId("deploy-failures");
        list.setPrefHeight(120);
        list.visibleProperty().bind(Bindings.isNotEmpty(viewModel.failures()));
        list.managedProperty().bind(list.visibleProperty());
        list.getStyleClass().add(Styles.DANGER);
        return list;
    }
}
