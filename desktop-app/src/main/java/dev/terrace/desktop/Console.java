package dev.terrace.desktop;

import dev.terrace.core.cost.PriceBook;
import dev.terrace.desktop.chapters.ChapterPanelView;
import dev.terrace.desktop.chapters.ChapterPanelViewModel;
import dev.terrace.desktop.chapters.ChaptersView;
import dev.terrace.desktop.chapters.ChaptersViewModel;
import dev.terrace.desktop.cost.CostModel;
import dev.terrace.desktop.cost.CostView;
import dev.terrace.desktop.cost.CostViewModel;
import dev.terrace.desktop.deploy.DeployView;
import dev.terrace.desktop.deploy.DeployViewModel;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.plan.PlanView;
import dev.terrace.desktop.plan.PlanViewModel;
import dev.terrace.desktop.shell.MainView;
import dev.terrace.desktop.shell.MainViewModel;
import dev.terrace.desktop.shell.Screen;
import dev.terrace.desktop.task.BackgroundRunner;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
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

    private final ChaptersViewModel chapters;
    private final PlanViewModel plan;
    private final DeployViewModel deploy;

    private Console(BackgroundRunner runner, MainViewModel main, MainView view, ChaptersViewModel chapters,
            PlanViewModel plan, DeployViewModel deploy) {
        this.runner = runner;
        this.main = main;
        this.view = view;
        this.chapters = chapters;
        this.plan = plan;
        this.deploy = deploy;
    }

    public ChaptersViewModel chapters() {
        return chapters;
    }

    public PlanViewModel plan() {
        return plan;
    }

    public DeployViewModel deploy() {
        return deploy;
    }

    /** Starts the one-click deploy: shows the deploy screen and runs the preflight and plan. */
    public void startDeploy() {
        main.deploy();
    }

    public static Console build(ConsoleArguments arguments, BackgroundRunner runner) {
        ConsoleModel model = new ConsoleModel(runner, BATCH_MILLIS);
        MainViewModel main = new MainViewModel(model,
                new WorkspaceOpener(arguments.stateRoot(), arguments.sandboxRoot()));
        ChaptersViewModel chapters = new ChaptersViewModel(model);
        CostViewModel cost = new CostViewModel(new CostModel(model, PriceBook.bundled()));
        ChapterPanelViewModel panel = new ChapterPanelViewModel(model, chapters, main::reloadStack, cost.cost());
        PlanViewModel plan = new PlanViewModel(model);
        DeployViewModel deploy = new DeployViewModel(model, BATCH_MILLIS, main::refresh);
        Map<Screen, Node> screens = new EnumMap<>(Screen.class);
        screens.put(Screen.CHAPTER, new ChapterPanelView(panel, () -> main.planChapters(panel.scope()), () -> {
            main.showDeploy();
            deploy.startChapters(panel.scope());
        }));
        screens.put(Screen.PLAN, new PlanView(plan));
        screens.put(Screen.DEPLOY, new DeployView(deploy));
        screens.put(Screen.COST, new CostView(cost));
        chapters.selectedProperty().addListener((observable, before, after) -> main.screenProperty().set(Screen.CHAPTER));
        main.setOnDeploy(deploy::start);
        MainView view = new MainView(main, new ChaptersView(chapters), screens);
        return new Console(runner, main, view, chapters, plan, deploy);
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
                this::startDeploy);
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
