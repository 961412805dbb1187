package dev.terrace.desktop;

import dev.terrace.core.cost.PriceBook;
import dev.terrace.desktop.chapters.ChapterPanelView;
import dev.terrace.desktop.chapters.ChapterPanelViewModel;
import dev.terrace.desktop.chapters.ChaptersView;
import dev.terrace.desktop.chapters.ChaptersViewModel;
import dev.terrace.desktop.chapters.ImagesView;
import dev.terrace.desktop.chapters.ImagesViewModel;
import dev.terrace.desktop.cost.CostModel;
import dev.terrace.desktop.cost.CostView;
import dev.terrace.desktop.cost.CostViewModel;
import dev.terrace.desktop.deploy.DeployView;
import dev.terrace.desktop.deploy.DeployViewModel;
import dev.terrace.desktop.logs.LogsView;
import dev.terrace.desktop.logs.LogsViewModel;
import dev.terrace.desktop.connect.ConnectAction;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.plan.PlanView;
import dev.terrace.desktop.plan.PlanViewModel;
import dev.terrace.desktop.secrets.SecretsView;
import dev.terrace.desktop.shell.MainView;
import dev.terrace.desktop.shell.MainViewModel;
import dev.terrace.desktop.shell.Screen;
import dev.terrace.desktop.status.StatusView;
import dev.terrace.desktop.status.StatusViewModel;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.desktop.task.ScheduledPollTimer;
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
    private final Monitoring monitoring;

    private final ChaptersViewModel chapters;
    private final PlanViewModel plan;
    private final DeployViewModel deploy;

    private Console(BackgroundRunner runner, MainViewModel main, MainView view, Monitoring monitoring,
            ChaptersViewModel chapters, PlanViewModel plan, DeployViewModel deploy) {
        this.runner = runner;
        this.main = main;
        this.view = view;
        this.monitoring = monitoring;
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
        WorkspaceOpener opener = new WorkspaceOpener(arguments.stateRoot(), arguments.sandboxRoot());
        MainViewModel main = new MainViewModel(model, opener);
        ChaptersViewModel chapters = new ChaptersViewModel(model);
        CostViewModel cost = new CostViewModel(new CostModel(model, PriceBook.bundled()));
        ChapterPanelViewModel panel = new ChapterPanelViewModel(model, chapters, main::reloadStack, cost.cost());
        PlanViewModel plan = new PlanViewModel(model);
        DeployViewModel deploy = new DeployViewModel(model, BATCH_MILLIS, main::refresh);
        Map<Screen, Node> screens = new EnumMap<>(Screen.class);
        ImagesView images = new ImagesView(new ImagesViewModel(model, chapters));
        screens.put(Screen.CHAPTER, new ChapterPanelView(panel, images, () -> main.planChapters(panel.scope()), () -> {
            main.showDeploy();
            deploy.startChapters(panel.scope());
        }));
        screens.put(Screen.PLAN, new PlanView(plan));
        screens.put(Screen.DEPLOY, new DeployView(deploy));
        screens.put(Screen.COST, new CostView(cost));
        chapters.selectedProperty().addListener((observable, before, after) -> main.screenProperty().set(Screen.CHAPTER));
        main.setOnDeploy(deploy::start);
        Monitoring monitoring = Monitoring.build(main, screens);
        screens.put(Screen.SECRETS, SecretsView.create(main, monitoring.timer()));
        MainView view = new MainView(main, new ChaptersView(chapters), screens);
        ConnectAction.install(view, main, opener, runner, arguments.stackFile());
        StartupTimings.install(model, view);
        ScreenshotScript.startIfRequested(main, view);
        return new Console(runner, main, view, monitoring, chapters, plan, deploy);
    }

    public MainViewModel main() {
        return main;
    }

    public MainView view() {
        return view;
    }

    public StatusViewModel status() {
        return monitoring.status();
    }

    public LogsViewModel logs() {
        return monitoring.logs();
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
        monitoring.setMinimised(minimised);
    }

    @Override
    public void close() {
        monitoring.close();
        runner.close();
    }

    /**
     * The status dashboard and the logs view, with the timer that polls for both. Each refresh reads
     * the statuses and the logs again, and so does showing either screen.
     */
    private record Monitoring(StatusViewModel status, LogsViewModel logs, ScheduledPollTimer timer) {

        static Monitoring build(MainViewModel main, Map<Screen, Node> screens) {
            ScheduledPollTimer timer = new ScheduledPollTimer();
            StatusViewModel status = new StatusViewModel(main.model(), timer, BATCH_MILLIS);
            LogsViewModel logs = new LogsViewModel(main.model(), timer);
            screens.put(Screen.STATUS, new StatusView(status));
            screens.put(Screen.LOGS, new LogsView(logs));
            main.setAfterRefresh(() -> {
                status.readNow();
                logs.refresh();
            });
            main.screenProperty().addListener((observable, before, after) -> {
                if (after == Screen.STATUS) {
                    status.readNow();
                } else if (after == Screen.LOGS) {
                    logs.refresh();
                }
            });
            return new Monitoring(status, logs, timer);
        }

        void setMinimised(boolean minimised) {
            status.setMinimised(minimised);
            logs.setMinimised(minimised);
        }

        void close() {
            status.close();
            logs.close();
            timer.close();
        }
    }
}
