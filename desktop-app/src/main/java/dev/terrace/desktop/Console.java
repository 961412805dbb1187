package dev.terrace.desktop;

import dev.terrace.desktop.connect.ConnectAction;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.shell.MainView;
import dev.terrace.desktop.shell.MainViewModel;
import dev.terrace.desktop.shell.Screen;
import dev.terrace.desktop.task.BackgroundRunner;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The console's composition root: every view model and view of one window, wired together. The
 * application and the UI tests build it the same way.
 */
public final class Console implements AutoCloseable {

    /** How often engine events and status updates reach the screen, at most. */
    static final long BATCH_MILLIS = 50;

    private final BackgroundRunner runner;
    private final MainViewModel main;
    private final MainView view;

    private Console(BackgroundRunner runner, MainViewModel main, MainView view) {
        this.runner = runner;
        this.main = main;
        this.view = view;
    }

    public static Console build(ConsoleArguments arguments, BackgroundRunner runner) {
        ConsoleModel model = new ConsoleModel(runner, BATCH_MILLIS);
        WorkspaceOpener opener = new WorkspaceOpener(arguments.stateRoot(), arguments.sandboxRoot());
        MainViewModel main = new MainViewModel(model, opener);
        Map<Screen, Node> screens = new EnumMap<>(Screen.class);
        Node chapters = new Label();
        MainView view = new MainView(main, chapters, screens);
        ConnectAction.install(view, main, opener, runner, arguments.stackFile());
        StartupTimings.install(model, view);
        ScreenshotScript.startIfRequested(main, view);
        return new Console(runner, main, view);
    }

    public MainViewModel main() {
        return main;
    }

    public MainView view() {
        return view;
    }

    /** Binds the shortcuts: Ctrl+P plans, Ctrl+Enter deploys, F5 refreshes. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), main::plan);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                main::showDeploy);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), main::refresh);
    }

    /** Pauses the work that only matters on screen, such as status polling, while minimised. */
    public void setMinimised(boolean minimised) {
        // Status polling registers here once the dashboard exists.
    }

    @Override
    public void close() {
        runner.close();
    }
}
