package dev.terrace.desktop.chapters;

import dev.terrace.core.model.Chapter;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ContainerImage;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.stack.Settings;
import dev.terrace.desktop.Texts;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.session.Workspace;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The images of the stack's repository, shown in the Dockerfile chapter: which tags exist and
 * whether the one the stack deploys is among them.
 */
public final class ImagesViewModel {

    private final ConsoleModel model;
    private final ObservableList<ContainerImage> images = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible");

    public ImagesViewModel(ConsoleModel model, ChaptersViewModel chapters) {
        this.model = model;
        chapters.selectedProperty().addListener((observable, before, after) -> show(after));
        model.workspaceProperty().addListener((observable, before, after) -> show(chapters.selectedProperty().get()));
        model.planProperty().addListener((observable, before, after) -> show(chapters.selectedProperty().get()));
        show(chapters.selectedProperty().get());
    }

    public ObservableList<ContainerImage> images() {
        return images;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** True on the Dockerfile chapter, the one that shows the registry's images. */
    public BooleanProperty visibleProperty() {
        return visible;
    }

    private void show(Chapter chapter) {
        visible.set(chapter == Chapter.DOCKERFILE);
        Workspace open = model.workspace();
        if (chapter != Chapter.DOCKERFILE || open == null) {
            return;
        }
        Settings settings = open.stack().settings();
        message.set(Texts.get("images.loading", settings.repositoryId()));
        model.runner().run("list images", () -> open.gateway().images().images(settings.region(),
                settings.repositoryId()), listed -> listed(listed, settings), this::failed);
    }

    private void listed(List<ContainerImage> listed, Settings settings) {
        images.setAll(listed);
        boolean deployed = listed.stream().anyMatch(image -> image.tags().contains(settings.imageTag()));
        message.set(deployed ? Texts.get("images.tag_present", settings.imageTag(), listed.size())
                : Texts.get("images.tag_missing", settings.imageTag(), settings.imageUrl()));
    }

    private void failed(Throwable failure) {
        images.clear();
        boolean missing = failure instanceof CloudException cloud && (cloud.category() == ErrorCategory.NOT_FOUND
                || cloud.category() == ErrorCategory.API_DISABLED);
        message.set(missing ? Texts.get("images.no_repository") : Texts.get("images.failed", failure.getMessage()));
    }
}
