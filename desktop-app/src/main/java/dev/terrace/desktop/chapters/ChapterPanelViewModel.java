package dev.terrace.desktop.chapters;

import dev.terrace.core.cost.PriceBook;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.core.engine.Validation;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.model.Resource;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.core.stack.Settings;
import dev.terrace.core.stack.SettingsEditor;
import dev.terrace.desktop.Texts;
import dev.terrace.desktop.cost.ChapterCost;
import dev.terrace.desktop.cost.CostModel;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.session.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The centre panel of one chapter: what it is for, its resources with their live condition, the
 * stack settings it uses (validated as they are typed, saved back into the stack file), and the
 * chapter's own plan and apply.
 */
public final class ChapterPanelViewModel {

    /** The settings each chapter shows, by the stack file's keys. */
    private static final Map<Chapter, List<String>> SETTINGS = Map.of(
            Chapter.INTRODUCTION, List.of("app", "domain"),
            Chapter.PROJECT_SETUP, List.of("project", "region"),
            Chapter.PROJECT_AND_APIS, List.of("project"),
            Chapter.ARTIFACT_REGISTRY, List.of("region", "image_tag"),
            Chapter.CLOUD_RUN, List.of("domain", "image_tag"),
            Chapter.DOCKERFILE, List.of("image_tag"),
            Chapter.FIRST_DEPLOY, List.of("image_tag"),
            Chapter.CUSTOM_DOMAIN, List.of("domain"),
            Chapter.WORKLOAD_IDENTITY, List.of("github_repository"),
            Chapter.GITHUB_ACTIONS, List.of("github_repository"));

    private final ConsoleModel model;
    private final ChaptersViewModel chapters;
    private final Runnable reloadStack;
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty explanation = new SimpleStringProperty(this, "explanation", "");
    private final StringProperty related = new SimpleStringProperty(this, "related", "");
    private final StringProperty saveMessage = new SimpleStringProperty(this, "saveMessage", "");
    private final StringProperty checkResult = new SimpleStringProperty(this, "checkResult", "");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final BooleanProperty valid = new SimpleBooleanProperty(this, "valid", true);
    private final ObservableList<ChapterResourceRow> resources = FXCollections.observableArrayList();
    private final ObservableList<SettingField> settings = FXCollections.observableArrayList();
    private boolean resourcesQueued;
    private final CostModel costModel;
    private final ObjectProperty<ChapterCost> cost = new SimpleObjectProperty<>(this, "cost");

    /** Builds a panel whose cost section shows an estimate of its own, under the stack's stated usage. */
    public ChapterPanelViewModel(ConsoleModel model, ChaptersViewModel chapters, Runnable reloadStack) {
        this(model, chapters, reloadStack, new CostModel(model, PriceBook.bundled()));
    }

    /** Builds a panel whose cost section follows {@code costModel}, which the cost screen's sliders change. */
    public ChapterPanelViewModel(ConsoleModel model, ChaptersViewModel chapters, Runnable reloadStack,
            CostModel costModel) {
        this.model = model;
        this.chapters = chapters;
        this.reloadStack = reloadStack;
        this.costModel = costModel;
        costModel.estimateProperty().addListener(changed -> showCost());
        chapters.selectedProperty().addListener((observable, before, after) -> showChapter());
        model.workspaceProperty().addListener((observable, before, after) -> showChapter());
        Observable[] live = {model.planProperty(), model.statuses(), model.outcomes()};
        for (Observable source : live) {
            source.addListener(changed -> queueShowResources());
        }
        showChapter();
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty explanationProperty() {
        return explanation;
    }

    /** For a chapter that owns no resource: what it is for and where to look instead. */
    public StringProperty relatedProperty() {
        return related;
    }

    public ObservableList<ChapterResourceRow> resources() {
        return resources;
    }

    public ObservableList<SettingField> settings() {
        return settings;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public BooleanProperty validProperty() {
        return valid;
    }

    public StringProperty saveMessageProperty() {
        return saveMessage;
    }

    public StringProperty checkResultProperty() {
        return checkResult;
    }

    /** Returns the chapter's line items and monthly subtotal under the cost screen's current usage. */
    public ReadOnlyObjectProperty<ChapterCost> costProperty() {
        return cost;
    }

    public Chapter chapter() {
        return chapters.selectedProperty().get();
    }

    /** Returns whether the chapter offers the DATABASE_URL connection-string check. */
    public boolean hasConnectionCheck() {
        return chapter() == Chapter.DATABASE;
    }

    private void showChapter() {
        Chapter chapter = chapter();
        title.set(chapter.label() + " \u00b7 " + chapter.title());
        explanation.set(Texts.get("chapter." + chapter.label() + ".text"));
        related.set(Texts.getOr("chapter." + chapter.label() + ".related", ""));
        checkResult.set("");
        saveMessage.set("");
        showSettings();
        showResources();
        showCost();
    }

    private void showCost() {
        cost.set(ChapterCost.of(costModel.estimate(), chapter()));
    }

    private void showSettings() {
        List<SettingField> fields = new ArrayList<>();
        Workspace open = model.workspace();
        for (String key : SETTINGS.getOrDefault(chapter(), List.of())) {
            SettingField field = new SettingField(key, open == null ? "" : current(open.stack().settings(), key));
            field.valueProperty().addListener((observable, before, after) -> validate());
            fields.add(field);
        }
        settings.setAll(fields);
        dirty.set(false);
        valid.set(true);
    }

    private static String current(Settings settings, String key) {
        switch (key) {
            case "project":
                return settings.project();
            case "region":
                return settings.region();
            case "app":
                return settings.app();
            case "domain":
                return settings.domain();
            case "image_tag":
                return settings.imageTag();
            case "github_repository":
                return settings.githubRepository();
            default:
                return "";
        }
    }

    /** Coalesces a burst of plan, status and outcome changes into one refresh of the rows. */
    private void queueShowResources() {
        if (resourcesQueued) {
            return;
        }
        resourcesQueued = true;
        model.runner().ui().execute(() -> {
            resourcesQueued = false;
            showResources();
        });
    }

    private void showResources() {
        List<ChapterResourceRow> rows = new ArrayList<>();
        for (Resource resource : model.resources()) {
            if (resource.chapter() != chapter()) {
                continue;
            }
            ResourceStatus status = model.statuses().get(resource.address());
            String summary = status == null ? "" : status.summary();
            rows.add(new ChapterResourceRow(resource.address().toString(), model.condition(resource.address()),
                    summary));
        }
        resources.setAll(rows);
    }

    /** Validates the stack file as it would read with the typed values, and marks each field's error. */
    public void validate() {
        Workspace open = model.workspace();
        dirty.set(settings.stream().anyMatch(SettingField::changed));
        if (open == null) {
            return;
        }
        String edited;
        try {
            edited = editedText(Path.of(open.stack().file()));
        } catch (IOException | IllegalArgumentException unreadable) {
            settings.forEach(field -> field.setError(unreadable.getMessage()));
            valid.set(false);
            return;
        }
        Validation validation = Validation.of(open.stack().file(), edited);
        boolean ok = !validation.hasErrors();
        for (SettingField field : settings) {
            field.setError(firstError(validation.diagnostics(), field.key()));
        }
        valid.set(ok);
        saveMessage.set(ok ? "" : Texts.get("chapter.save_blocked"));
    }

    private static String firstError(List<Diagnostic> diagnostics, String key) {
        for (Diagnostic diagnostic : diagnostics) {
            boolean mentions = (diagnostic.field() != null && diagnostic.field().contains(key))
                    || diagnostic.summary().contains(key);
            if (diagnostic.isError() && mentions) {
                return diagnostic.summary() + (diagnostic.fix() == null ? "" : " " + diagnostic.fix());
            }
        }
        return "";
    }

    private String editedText(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        for (SettingField field : settings) {
            if (field.changed()) {
                text = SettingsEditor.set(text, field.key(), field.value().trim());
            }
        }
        return text;
    }

    /** Writes the typed settings into the stack file (atomically) and reloads the stack. */
    public void save() {
        validate();
        Workspace open = model.workspace();
        if (open == null || !dirty.get() || !valid.get()) {
            return;
        }
        Path file = Path.of(open.stack().file());
        try {
            String text = editedText(file);
            Path temporary = file.resolveSibling(file.getFileName() + ".terrace-edit");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failed) {
            saveMessage.set(Texts.get("chapter.save_failed", file, failed.getMessage()));
            return;
        }
        saveMessage.set(Texts.get("chapter.saved", file.getFileName()));
        dirty.set(false);
        reloadStack.run();
    }

    /** Puts back the values the stack file holds. */
    public void revert() {
        showSettings();
        saveMessage.set("");
    }

    /** Returns the chapters that "plan this chapter" and "apply this chapter" cover. */
    public Set<Chapter> scope() {
        return Set.of(chapter());
    }

    /**
     * Checks the DATABASE_URL secret's latest version without showing it: a postgres URL that
     * requires TLS. The value is wiped as soon as it is checked.
     */
    public void checkConnectionString() {
        Workspace open = model.workspace();
        if (open == null) {
            return;
        }
        checkResult.set(Texts.get("chapter.04.checking"));
        model.runner().run("check DATABASE_URL", () -> ConnectionStringCheck.run(open.gateway().secretValues()),
                checkResult::set, failed -> checkResult.set(Texts.get("chapter.04.check_failed", failed.getMessage())));
    }
}
