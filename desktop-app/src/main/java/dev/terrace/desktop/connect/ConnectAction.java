package dev.terrace.desktop.connect;

import dev.terrace.desktop.Texts;
import dev.terrace.desktop.WorkspaceOpener;
import dev.terrace.desktop.shell.MainView;
import dev.terrace.desktop.shell.MainViewModel;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.gcp.connection.AdcLocator;
import dev.terrace.session.Workspace;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The tool bar's Connect… button and the dialog behind it, wired to the main window. */
public final class ConnectAction {

    private final ConnectViewModel viewModel;
    private final ConnectDialog dialog;

    private ConnectAction(ConnectViewModel viewModel, ConnectDialog dialog) {
        this.viewModel = viewModel;
        this.dialog = dialog;
    }

    /**
     * Adds the Connect… button to the main view's tool bar. The dialog connects with this
     * process's Application Default Credentials and hands the workspace to {@code main}.
     */
    public static ConnectAction install(MainView view, MainViewModel main, WorkspaceOpener opener,
            BackgroundRunner runner, Path stackFile) {
        ConnectViewModel viewModel = new ConnectViewModel(new AdapterConnector(opener),
                new CredentialsDetector(AdcLocator.ofSystem()), runner, main::switchTo);
        ConnectAction action = new ConnectAction(viewModel, new ConnectDialog(viewModel));
        Button button = new Button(Texts.get("action.connect"), new FontIcon(Feather.CLOUD));
        button.setId("connect-open-button");
        button.setTooltip(new Tooltip(Texts.get("action.connect.tooltip")));
        button.setOnAction(event -> action.open(main, stackFile, button));
        button.disableProperty().bind(main.busyProperty());
        view.extraActions().getChildren().add(button);
        return action;
    }

    private void open(MainViewModel main, Path stackFile, Button button) {
        Workspace current = main.model().workspace();
        viewModel.open(stackFile, current == null ? null : current.stack().settings(),
                current == null || current.isSandbox());
        dialog.show(button.getScene().getWindow());
    }

    public ConnectViewModel viewModel() {
        return viewModel;
    }

    public ConnectDialog dialog() {
        return dialog;
    }
}
