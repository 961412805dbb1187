package dev.terrace.desktop.chapters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.GuideExample;
import dev.terrace.core.engine.Validation;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.stack.Stack;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.desktop.task.UiExecutor;
import dev.terrace.session.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChapterPanelViewModelTest {

    @TempDir
    Path folder;

    private final BackgroundRunner runner = new BackgroundRunner(1, UiExecutor.INLINE);
    private final AtomicInteger reloads = new AtomicInteger();
    private ChaptersViewModel chapters;
    private ChapterPanelViewModel panel;
    private Path stackFile;

    @BeforeEach
    void open() throws IOException {
        stackFile = folder.resolve("terrace.yaml");
        Files.copy(GuideExample.path(), stackFile);
        Stack stack = Validation.of(stackFile).usableStack().orElseThrow();
        ConsoleModel model = new ConsoleModel(runner, 0);
        model.setWorkspace(new Workspace(stack, Guide.freshCloud(), folder.resolve("state")));
        chapters = new ChaptersViewModel(model);
        panel = new ChapterPanelViewModel(model, chapters, reloads::incrementAndGet);
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    @Test
    void cloudRunChapterListsItsResourcesAndSettings() {
        chapters.selectedProperty().set(Chapter.CLOUD_RUN);

        assertThat(panel.titleProperty().get()).isEqualTo("11 \u00b7 Cloud Run");
        assertThat(panel.explanationProperty().get()).contains("/health/");
        assertThat(panel.resources()).extracting(ChapterResourceRow::address).contains("run_service.web");
        assertThat(panel.settings()).extracting(SettingField::key).containsExactly("domain", "image_tag");
    }

    @Test
    void invalidRegionIsFlaggedAndNotSaved() throws IOException {
        chapters.selectedProperty().set(Chapter.PROJECT_SETUP);
        String before = Files.readString(stackFile);
        SettingField region = panel.settings().stream().filter(field -> field.key().equals("region")).findFirst()
                .orElseThrow();

        region.valueProperty().set("mars-north1");
        panel.save();

        assertThat(panel.validProperty().get()).isFalse();
        assertThat(region.errorProperty().get()).isNotEmpty();
        assertThat(Files.readString(stackFile)).isEqualTo(before);
        assertThat(reloads.get()).isZero();
    }

    @Test
    void validTagIsSavedIntoTheFileAndReloads() throws IOException {
        chapters.selectedProperty().set(Chapter.DOCKERFILE);
        SettingField tag = panel.settings().get(0);

        tag.valueProperty().set("5a4db0c");
        panel.save();

        String saved = Files.readString(stackFile, StandardCharsets.UTF_8);
        assertThat(saved).contains("  image_tag: 5a4db0c\n");
        assertThat(saved).startsWith("# The stack of the Django-on-Cloud-Run guide");
        assertThat(reloads.get()).isEqualTo(1);
        assertThat(panel.dirtyProperty().get()).isFalse();
    }

    @Test
    void resourcelessChapterPointsElsewhere() {
        chapters.selectedProperty().set(Chapter.CUSTOM_DOMAIN);

        assertThat(panel.resources()).isEmpty();
        assertThat(panel.relatedProperty().get()).startsWith("Not managed by Terrace yet");
    }

    @Test
    void connectionStringCheckNeverShowsTheValue() {
        char[] good = "postgres://u:hunter2@db.example/app?sslmode=require".toCharArray();
        char[] plain = "postgres://u:hunter2@db.example/app".toCharArray();
        char[] mysql = "mysql://u:hunter2@db.example/app".toCharArray();

        assertThat(ConnectionStringCheck.verdict(good)).contains("requires TLS").doesNotContain("hunter2");
        assertThat(ConnectionStringCheck.verdict(plain)).contains("lacks the query parameter sslmode=require")
                .doesNotContain("hunter2");
        assertThat(ConnectionStringCheck.verdict(mysql)).contains("must start with postgres://");
    }
}
