package dev.terrace.desktop.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import dev.terrace.desktop.Texts;
import java.util.EnumMap;
import java.util.Map;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: the tool bar on top, the chapters on the left, the screens in the centre and
 * the status bar below. It only lays out and binds; the view models decide.
 */
public final class MainView extends BorderPane {

    private final MainViewModel viewModel;
    private final TabPane screens = new TabPane();
    private final Map<Screen, Tab> tabs = new EnumMap<>(Screen.class);
    /** The box where other screens add their tool bar buttons, such as the connect dialog's. */
    private final HBox extraActions = new HBox(4);

    public MainView(MainViewModel viewModel, Node chapters, Map<Screen, Node> screenViews) {
        this.viewModel = viewModel;
        getStylesheets().add(MainView.class.getResource("main.css").toExternalForm());
        setTop(toolBar());
        for (Screen screen : Screen.values()) {
            Tab tab = new Tab(Texts.get("screen." + screen.name().toLowerCase(java.util.Locale.ROOT)),
                    screenViews.getOrDefault(screen, new Label()));
            tab.setClosable(false);
            tab.setId("tab-" + screen.name().toLowerCase(java.util.Locale.ROOT));
            tabs.put(screen, tab);
            screens.getTabs().add(tab);
        }
        screens.getSelectionModel().select(tabs.get(viewModel.screenProperty().get()));
        viewModel.screenProperty().addListener((observable, before, after) ->
                screens.getSelectionModel().select(tabs.get(after)));
        screens.getSelectionModel().selectedItemProperty().addListener((observable, before, after) ->
                tabs.forEach((screen, tab) -> {
                    if (tab == after) {
                        viewModel.screenProperty().set(screen);
                    }
                }));
        SplitPane split = new SplitPane(chapters, new VBox(problemBanner(), grow(screens)));
        split.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(chapters, false);
        setCenter(split);
        setBottom(statusBar());
    }

    private ToolBar toolBar() {
        Button plan = action("action.plan", Feather.CLIPBOARD, viewModel::plan);
        plan.setId("plan-button");
        Button deploy = action("action.deploy", Feather.UPLOAD_CLOUD, viewModel::deploy);
        deploy.setId("deploy-button");
        Button refresh = action("action.refresh", Feather.REFRESH_CW, viewModel::refresh);
        refresh.setId("refresh-button");
        plan.disableProperty().bind(viewModel.closedBinding());
        deploy.disableProperty().bind(viewModel.closedBinding());
        refresh.disableProperty().bind(viewModel.closedBinding());
        Label title = new Label();
        title.textProperty().bind(viewModel.titleProperty());
        title.getStyleClass().add(Styles.TITLE_4);
        Label connection = new Label();
        connection.textProperty().bind(viewModel.connectionProperty());
        connection.getStyleClass().add(Styles.TEXT_MUTED);
        connection.setId("connection-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToggleButton dark = new ToggleButton(null, new FontIcon(Feather.MOON));
        dark.setTooltip(new Tooltip(Texts.get("action.dark_theme")));
        dark.selectedProperty().addListener((observable, before, after) -> Application.setUserAgentStylesheet(
                after ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet()));
        return new ToolBar(title, connection, spacer, plan, deploy, refresh, extraActions, dark);
    }

    public HBox extraActions() {
        return extraActions;
    }

    private static Button action(String key, Feather icon, Runnable command) {
        Button button = new Button(Texts.get(key), new FontIcon(icon));
        button.setTooltip(new Tooltip(Texts.get(key + ".tooltip")));
        button.setOnAction(event -> command.run());
        return button;
    }

    private Node problemBanner() {
        Label banner = new Label();
        banner.setId("problem-banner");
        banner.setWrapText(true);
        banner.getStyleClass().addAll(Styles.DANGER);
        banner.setPadding(new Insets(8, 12, 8, 12));
        banner.textProperty().bind(viewModel.problemProperty());
        banner.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setStyle("-fx-font-family: monospace;");
        return banner;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(viewModel.messageProperty());
        viewModel.busyProperty().addListener((observable, before, after) -> bar.setProgress(after ? -1 : 0));
        return bar;
    }

    private static Node grow(TabPane pane) {
        VBox.setVgrow(pane, Priority.ALWAYS);
        return pane;
    }
}
