package dev.terrace.desktop.shell;

import dev.terrace.core.model.Address;
import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.Plan;
import dev.terrace.desktop.Texts;
import dev.terrace.desktop.WorkspaceOpener;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.session.Workspace;
import java.nio.file.Path;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The main window's state: which workspace is open, the status bar's message, which screen is in
 * front, and the commands of the tool bar (plan, deploy, refresh).
 */
public final class MainViewModel {

    private final ConsoleModel model;
    private final WorkspaceOpener opener;
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final StringProperty title = new SimpleStringProperty(this, "title", Texts.get("app.title"));
    private final StringProperty connection = new SimpleStringProperty(this, "connection", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen", Screen.CHAPTER);
    private Runnable afterRefresh = () -> { };
    private Runnable onDeploy = () -> { };
    private Path requestedStack;

    public MainViewModel(ConsoleModel model, WorkspaceOpener opener) {
        this.model = model;
        this.opener = opener;
        model.workspaceProperty().addListener((observable, before, after) -> describe(after));
    }

    public ConsoleModel model() {
        return model;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Returns a problem that stops the console from working, such as an invalid stack file; empty when none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    /** True while no workspace is open, so the commands that need one are disabled. */
    public BooleanBinding closedBinding() {
        return Bindings.isNull(model.workspaceProperty()).or(busy);
    }

    /** Sets what runs after each refresh, such as the status dashboard's read. */
    public void setAfterRefresh(Runnable action) {
        this.afterRefresh = action;
    }

    /** Opens the stack on the sandbox in the background, then plans it. */
    public void openSandbox(Path stackFile) {
        requestedStack = stackFile;
        start(Texts.get("status.opening_sandbox", stackFile.getFileName()));
        model.runner().run("open sandbox", () -> opener.sandbox(stackFile), this::opened, this::openFailed);
    }

    /** Switches to a workspace the connect dialog opened. */
    public void switchTo(Workspace opened) {
        Workspace previous = model.workspace();
        opened(opened);
        if (previous != null && previous != opened) {
            model.runner().run("close previous workspace", () -> {
                previous.close();
                return null;
            }, ignored -> { }, ignored -> { });
        }
    }

    private void opened(Workspace opened) {
        busy.set(false);
        problem.set("");
        model.setWorkspace(opened);
        message.set(Texts.get("status.opened", opened.stack().name(), opened.gateway().describe()));
        refresh();
    }

    private void openFailed(Throwable failed) {
        busy.set(false);
        problem.set(failed.getMessage());
        message.set(Texts.get("status.open_failed"));
    }

    /**
     * Reads the stack file again after an edit and keeps the connection; a stack that now names
     * another project is opened on a new sandbox.
     */
    public void reloadStack() {
        Workspace open = model.workspace();
        if (open == null) {
            return;
        }
        java.nio.file.Path file = java.nio.file.Path.of(open.stack().file());
        start(Texts.get("status.reloading", file.getFileName()));
        model.runner().run("reload stack", () -> {
            dev.terrace.core.stack.Stack edited = opener.load(file);
            if (!edited.settings().project().equals(open.gateway().project()) && open.isSandbox()) {
                return opener.sandbox(file);
            }
            return open.withStack(edited);
        }, this::switchTo, this::openFailed);
    }

    /** Plans the whole stack and shows the plan. */
    public void plan() {
        planScope(address -> true, true);
    }

    /**
     * Reads the cloud again: a fresh plan of the whole stack, then the statuses. While no stack is
     * open because the last open failed, it opens the stack file again instead.
     */
    public void refresh() {
        if (model.workspace() == null && requestedStack != null && !busy.get()) {
            // The stack could not be opened, such as after an invalid edit: read the file again.
            openSandbox(requestedStack);
            return;
        }
        planScope(address -> true, false);
    }

    /** Plans the resources of some chapters and merges the result into the last full plan. */
    public void planChapters(java.util.Set<dev.terrace.core.model.Chapter> chapters) {
        Workspace open = model.workspace();
        if (open == null) {
            return;
        }
        planScope(address -> open.stack().find(address).map(resource -> chapters.contains(resource.chapter()))
                .orElse(false), true);
    }

    private void planScope(Predicate<Address> scope, boolean show) {
        Workspace open = model.workspace();
        if (open == null || busy.get()) {
            return;
        }
        start(Texts.get("status.planning"));
        model.runner().run("plan", () -> open.plan(scope, false, model.eventSink()), plan -> {
            planned(PlanMerge.into(model.planProperty().get(), plan, scope));
            if (show) {
                screen.set(Screen.PLAN);
            }
        }, this::failed);
    }

    private void planned(Plan plan) {
        busy.set(false);
        model.planProperty().set(plan);
        message.set(Texts.get("status.planned", Texts.get("plan.counts", count(plan, Action.CREATE),
                count(plan, Action.UPDATE), count(plan, Action.REPLACE),
                count(plan, Action.DELETE)), plan.diagnostics().size()));
        afterRefresh.run();
    }

    private static int count(Plan plan, Action action) {
        return plan.counts().get(action);
    }

    private void failed(Throwable failed) {
        busy.set(false);
        message.set(Texts.get("status.failed", failed.getMessage()));
    }

    private void start(String text) {
        busy.set(true);
        message.set(text);
    }

    /** Shows the deploy screen; the deploy view model takes it from there. */
    public void showDeploy() {
        screen.set(Screen.DEPLOY);
    }

    /** Sets what the tool bar's Deploy runs: the deploy view model's start. */
    public void setOnDeploy(Runnable action) {
        this.onDeploy = action;
    }

    /** Runs the one-click deploy of the tool bar and of Ctrl+Enter. */
    public void deploy() {
        showDeploy();
        onDeploy.run();
    }

    private void describe(Workspace opened) {
        if (opened == null) {
            title.set(Texts.get("app.title"));
            connection.set("");
            return;
        }
        title.set(Texts.get("app.title_with_stack", opened.stack().name()));
        connection.set(opened.isSandbox() ? Texts.get("connection.sandbox", opened.gateway().project())
                : Texts.get("connection.google", opened.gateway().project()));
    }
}
