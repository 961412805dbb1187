package dev.terrace.desktop.connect;

import dev.terrace.core.stack.Settings;
import dev.terrace.core.validate.SettingRules;
import dev.terrace.desktop.Texts;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.gcp.connection.VisibleProject;
import dev.terrace.session.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connect dialog's state and commands: the detected credentials, the choices (project,
 * region, impersonation, quota project) validated as they change, and the commands that list the
 * visible projects, connect, or go back to the sandbox. Each command returns the background work's
 * future, which the dialog ignores and tests wait on.
 */
public final class ConnectViewModel {

    /** The project a search's connection names when no stack is open; no call is made on it. */
    static final String SEARCH_PLACEHOLDER_PROJECT = "no-project-chosen";

    private final Connector connector;
    private final CredentialsDetector detector;
    private final BackgroundRunner runner;
    private final Consumer<Workspace> switchTo;

    private final StringProperty credentialsKind = new SimpleStringProperty(this, "credentialsKind", "");
    private final StringProperty credentialsFile = new SimpleStringProperty(this, "credentialsFile", "");
    private final StringProperty principal = new SimpleStringProperty(this, "principal", "");
    private final StringProperty credentialsProblem = new SimpleStringProperty(this, "credentialsProblem", "");
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<String> projects = FXCollections.observableArrayList();
    private final StringProperty projectsStatus = new SimpleStringProperty(this, "projectsStatus", "");
    private final StringProperty project = new SimpleStringProperty(this, "project", "");
    private final StringProperty region = new SimpleStringProperty(this, "region", "");
    private final StringProperty impersonate = new SimpleStringProperty(this, "impersonate", "");
    private final StringProperty quotaProject = new SimpleStringProperty(this, "quotaProject", "");
    private final StringProperty projectError = new SimpleStringProperty(this, "projectError", "");
    private final StringProperty regionError = new SimpleStringProperty(this, "regionError", "");
    private final StringProperty impersonateError = new SimpleStringProperty(this, "impersonateError", "");
    private final StringProperty quotaProjectError = new SimpleStringProperty(this, "quotaProjectError", "");
    private final StringProperty failure = new SimpleStringProperty(this, "failure", "");
    private final StringProperty failureDetail = new SimpleStringProperty(this, "failureDetail", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty usable = new SimpleBooleanProperty(this, "usable");
    private final BooleanProperty finished = new SimpleBooleanProperty(this, "finished");

    private Path stackFile;
    private Settings stackSettings;
    private boolean onSandbox;
    private CredentialsReport report;
    private List<String> visible = List.of();

    public ConnectViewModel(Connector connector, CredentialsDetector detector, BackgroundRunner runner,
            Consumer<Workspace> switchTo) {
        this.connector = connector;
        this.detector = detector;
        this.runner = runner;
        this.switchTo = switchTo;
        project.addListener((observable, before, after) -> validate());
        region.addListener((observable, before, after) -> validate());
        impersonate.addListener((observable, before, after) -> validate());
        quotaProject.addListener((observable, before, after) -> validate());
    }

    /**
     * Resets the dialog for the open stack and detects the credentials in the background.
     *
     * @param settings the open stack's settings, or null when no stack could be read
     * @param sandbox whether the console is on the sandbox now
     */
    public Future<?> open(Path stack, Settings settings, boolean sandbox) {
        this.stackFile = Objects.requireNonNull(stack, "stack");
        this.stackSettings = settings;
        this.onSandbox = sandbox;
        this.visible = List.of();
        projects.clear();
        projectsStatus.set("");
        clearFailure();
        finished.set(false);
        project.set(settings == null ? "" : settings.project());
        region.set(settings == null ? "" : settings.region());
        impersonate.set("");
        return detect();
    }

    /** Looks for the credentials again, such as after the user ran gcloud. */
    public Future<?> detect() {
        busy.set(true);
        return runner.run("detect credentials", detector::detect, this::detected, this::failed);
    }

    private void detected(CredentialsReport found) {
        busy.set(false);
        report = found;
        credentialsKind.set(kindText(found));
        credentialsFile.set(found.file().map(Path::toString).orElse(Texts.get("connect.no_file")));
        principal.set(found.kind() == CredentialsKind.NONE ? Texts.get("connect.principal.none")
                : found.principal().identity());
        credentialsProblem.set(found.problem().map(problem -> problemText(problem, found)).orElse(""));
        quotaProject.set(found.principal().quotaProject() == null ? "" : found.principal().quotaProject());
        validate();
    }

    /** Lists the projects the principal may see, with the current impersonation and quota project. */
    public Future<?> loadProjects() {
        if (!usable.get() && !onlyProjectBlocks()) {
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        clearFailure();
        projectsStatus.set(Texts.get("connect.projects_loading"));
        ConnectChoice choice = choice(project.get().isBlank() ? fallbackProject() : project.get());
        return runner.run("list projects", () -> connector.projects(choice), this::listed, failed -> {
            projectsStatus.set("");
            failed(failed);
        });
    }

    private void listed(List<VisibleProject> found) {
        busy.set(false);
        List<String> ids = new ArrayList<>();
        found.forEach(visibleProject -> ids.add(visibleProject.projectId()));
        visible = List.copyOf(ids);
        projects.setAll(ids);
        projectsStatus.set(Texts.get("connect.projects_found", ids.size()));
        validate();
    }

    /** Connects to the chosen project in the background and switches the console to it. */
    public Future<?> connect() {
        if (!usable.get() || busy.get()) {
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        clearFailure();
        ConnectChoice choice = choice(project.get());
        return runner.run("connect to " + choice.project(), () -> connector.openGoogle(choice), opened -> {
            busy.set(false);
            switchTo.accept(opened);
            finished.set(true);
        }, this::failed);
    }

    /** Opens the stack on the sandbox again; when the console is on the sandbox already, only closes. */
    public Future<?> useSandbox() {
        if (onSandbox) {
            finished.set(true);
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        clearFailure();
        Path file = stackFile;
        return runner.run("open sandbox", () -> connector.openSandbox(file), opened -> {
            busy.set(false);
            switchTo.accept(opened);
            finished.set(true);
        }, this::failed);
    }

    private ConnectChoice choice(String projectId) {
        return new ConnectChoice(stackFile, projectId.trim(), region.get(), impersonate.get(), quotaProject.get());
    }

    /** Returns a project for the search's connection, which needs one although SearchProjects ignores it. */
    private String fallbackProject() {
        if (stackSettings != null) {
            return stackSettings.project();
        }
        return quotaProject.get().isBlank() ? SEARCH_PLACEHOLDER_PROJECT : quotaProject.get();
    }

    private void failed(Throwable failed) {
        busy.set(false);
        if (failed instanceof ConnectFailure known) {
            failure.set(ConnectTexts.failure(known, impersonate.get().trim()));
        } else {
            failure.set(Texts.get("connect.failure.other"));
        }
        failureDetail.set(String.valueOf(failed.getMessage()));
    }

    private void clearFailure() {
        failure.set("");
        failureDetail.set("");
    }

    private void validate() {
        projectError.set(ConnectRules.projectProblem(project.get(), stackSettings, stackFile));
        regionError.set(ConnectRules.regionProblem(region.get()));
        impersonateError.set(ConnectRules.impersonationProblem(impersonate.get()));
        quotaProjectError.set(quotaProject.get().isBlank() ? ""
                : SettingRules.projectIdProblem(quotaProject.get().trim())
                        .map(rule -> Texts.get("connect.invalid_quota_project", quotaProject.get().trim(), rule))
                        .orElse(""));
        warnings.setAll(currentWarnings());
        usable.set(report != null && report.usable() && projectError.get().isEmpty() && regionError.get().isEmpty()
                && impersonateError.get().isEmpty() && quotaProjectError.get().isEmpty());
    }

    /** Returns whether listing projects may go ahead although Connect may not, because only the project field is wrong. */
    private boolean onlyProjectBlocks() {
        return report != null && report.usable() && regionError.get().isEmpty() && impersonateError.get().isEmpty()
                && quotaProjectError.get().isEmpty();
    }

    private List<String> currentWarnings() {
        List<String> found = new ArrayList<>();
        if (report != null && report.kind() == CredentialsKind.GCLOUD_USER && impersonate.get().isBlank()
                && quotaProject.get().isBlank()) {
            found.add(Texts.get("connect.warning.no_quota_project"));
        }
        if (!visible.isEmpty() && !project.get().isBlank() && !visible.contains(project.get().trim())) {
            found.add(Texts.get("connect.warning.project_not_visible", project.get().trim()));
        }
        if (stackSettings != null && !region.get().isBlank() && !region.get().equals(stackSettings.region())) {
            found.add(Texts.get("connect.warning.region_differs", region.get(), stackSettings.region()));
        }
        return found;
    }

    private static String kindText(CredentialsReport found) {
        String kind = Texts.get("connect.kind." + found.kind().name().toLowerCase(java.util.Locale.ROOT),
                found.principal().type());
        return Texts.get("connect.source." + found.source().name().toLowerCase(java.util.Locale.ROOT), kind);
    }

    private static String problemText(CredentialsProblem problem, CredentialsReport found) {
        return Texts.get("connect.problem." + problem.name().toLowerCase(java.util.Locale.ROOT),
                found.file().map(Path::toString).orElse(""));
    }

    /** Returns the sorted regions the region choice offers. */
    public List<String> regions() {
        return List.copyOf(SettingRules.regions());
    }

    public ReadOnlyStringProperty credentialsKindProperty() {
        return credentialsKind;
    }

    public ReadOnlyStringProperty credentialsFileProperty() {
        return credentialsFile;
    }

    public ReadOnlyStringProperty principalProperty() {
        return principal;
    }

    /** Returns the problem with the detected credentials in plain words and its fix, or empty when none. */
    public ReadOnlyStringProperty credentialsProblemProperty() {
        return credentialsProblem;
    }

    /** Sentences to read before connecting, such as a missing quota project; they do not block. */
    public ObservableList<String> warnings() {
        return FXCollections.unmodifiableObservableList(warnings);
    }

    /** Returns the ids of the projects the principal may see, once listed. */
    public ObservableList<String> projects() {
        return FXCollections.unmodifiableObservableList(projects);
    }

    public ReadOnlyStringProperty projectsStatusProperty() {
        return projectsStatus;
    }

    public StringProperty projectProperty() {
        return project;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty impersonateProperty() {
        return impersonate;
    }

    public StringProperty quotaProjectProperty() {
        return quotaProject;
    }

    public ReadOnlyStringProperty projectErrorProperty() {
        return projectError;
    }

    public ReadOnlyStringProperty regionErrorProperty() {
        return regionError;
    }

    public ReadOnlyStringProperty impersonateErrorProperty() {
        return impersonateError;
    }

    public ReadOnlyStringProperty quotaProjectErrorProperty() {
        return quotaProjectError;
    }

    /** Returns why the last command failed, in plain words with the fix; empty when it did not. */
    public ReadOnlyStringProperty failureProperty() {
        return failure;
    }

    /** Returns the adapter's message behind the failure, which names the call; never a stack trace. */
    public ReadOnlyStringProperty failureDetailProperty() {
        return failureDetail;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** True once a workspace was handed to the console, so the dialog may close. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished;
    }

    /** True while Connect may not run: a field is invalid, the credentials are unusable, or work runs. */
    public BooleanBinding connectDisabledBinding() {
        return Bindings.not(usable).or(busy);
    }
}
