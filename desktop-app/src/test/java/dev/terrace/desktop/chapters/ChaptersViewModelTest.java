package dev.terrace.desktop.chapters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.apply.CancelToken;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.model.ResourceCondition;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.desktop.task.UiExecutor;
import dev.terrace.session.Workspace;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaptersViewModelTest {

    @TempDir
    Path stateRoot;

    private final BackgroundRunner runner = new BackgroundRunner(1, UiExecutor.INLINE);

    @AfterEach
    void stop() {
        runner.close();
    }

    @Test
    void freshCloudShowsChaptersMissing() {
        ConsoleModel model = new ConsoleModel(runner, 0);
        ChaptersViewModel chapters = new ChaptersViewModel(model);
        Workspace workspace = new Workspace(Guide.stack(), Guide.freshCloud(), stateRoot);
        model.setWorkspace(workspace);

        model.planProperty().set(workspace.plan(address -> true, false, null));

        ChapterBadge secrets = chapters.item(Chapter.SECRETS).badge();
        assertThat(secrets.headline()).isEqualTo(ResourceCondition.MISSING);
        assertThat(secrets.text()).isEqualTo("8 missing");
        assertThat(chapters.item(Chapter.INTRODUCTION).badge().text()).isEmpty();
    }

    @Test
    void appliedStackShowsInPlaceAndFailedStatusShowsError() {
        ConsoleModel model = new ConsoleModel(runner, 0);
        ChaptersViewModel chapters = new ChaptersViewModel(model);
        Workspace workspace = new Workspace(Guide.stack(), Guide.freshCloud(), stateRoot);
        model.setWorkspace(workspace);
        workspace.apply(workspace.plan(address -> true, false, null), new CancelToken(), null);

        model.planProperty().set(workspace.plan(address -> true, false, null));
        boolean allInPlace = chapters.chaptersWithResources().stream()
                .allMatch(chapter -> chapters.item(chapter).badge().headline() == ResourceCondition.IN_PLACE);
        model.statuses().put(Address.parse("run_service.web"),
                new ResourceStatus(ResourceStatus.Health.FAILED, "revision failed", Map.of()));

        assertThat(allInPlace).isTrue();
        assertThat(chapters.item(Chapter.CLOUD_RUN).badge().headline()).isEqualTo(ResourceCondition.ERROR);
        assertThat(chapters.item(Chapter.CLOUD_RUN).badge().text()).isEqualTo("1 error");
        assertThat(chapters.item(Chapter.SECRETS).badge().text()).isEqualTo("in place");
    }
}
