package dev.terrace.desktop.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.GuideExample;
import dev.terrace.core.apply.CancelToken;
import dev.terrace.core.engine.Validation;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.stack.Stack;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.desktop.task.UiExecutor;
import dev.terrace.session.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanViewModelTest {

    @TempDir
    Path stateRoot;

    private final BackgroundRunner runner = new BackgroundRunner(1, UiExecutor.INLINE);

    @AfterEach
    void stop() {
        runner.close();
    }

    @Test
    void groupsChangesByChapterInGuideOrder() {
        ConsoleModel model = new ConsoleModel(runner, 0);
        PlanViewModel view = new PlanViewModel(model);
        Workspace workspace = new Workspace(Guide.stack(), Guide.freshCloud(), stateRoot);

        model.planProperty().set(workspace.plan(address -> true, false, null));

        assertThat(view.groups()).extracting(PlanGroup::chapter).isSorted();
        assertThat(view.groups()).extracting(PlanGroup::chapter).contains(Chapter.SECRETS, Chapter.CLOUD_RUN);
        PlanGroup run = view.groups().stream().filter(group -> group.chapter() == Chapter.CLOUD_RUN).findFirst()
                .orElseThrow();
        assertThat(run.entries()).extracting(PlanEntry::headline).contains("+ run_service.web  (create)");
        assertThat(view.summaryProperty().get()).startsWith("Plan: ").contains("to create");
        assertThat(view.blockedProperty().get()).isFalse();
    }

    @Test
    void showsFieldChangeBeforeAndAfter() {
        ConsoleModel model = new ConsoleModel(runner, 0);
        PlanViewModel view = new PlanViewModel(model);
        Workspace applied = new Workspace(Guide.stack(), Guide.freshCloud(), stateRoot);
        applied.apply(applied.plan(address -> true, false, null), new CancelToken(), null);
        Stack bigger = Validation.of("terrace.yaml", GuideExample.text().replace("resources: {}",
                "resources:\n  run_service.web:\n    memory: 1Gi\n")).usableStack().orElseThrow();

        Plan plan = applied.withStack(bigger).plan(address -> true, false, null);
        model.planProperty().set(plan);

        PlanEntry web = view.groups().stream().flatMap(group -> group.entries().stream())
                .filter(entry -> entry.address().equals("run_service.web")).findFirst().orElseThrow();
        assertThat(web.action()).isEqualTo(Action.UPDATE);
        assertThat(web.details()).contains("memory: \"512Mi\" \u2192 \"1Gi\"");
        assertThat(view.groups()).hasSize(1);
    }

    @Test
    void unchangedResourcesShowOnlyOnRequest() {
        ConsoleModel model = new ConsoleModel(runner, 0);
        PlanViewModel view = new PlanViewModel(model);
        Workspace applied = new Workspace(Guide.stack(), Guide.freshCloud(), stateRoot);
        applied.apply(applied.plan(address -> true, false, null), new CancelToken(), null);

        model.planProperty().set(applied.plan(address -> true, false, null));
        int hidden = view.groups().size();
        view.showUnchangedProperty().set(true);

        assertThat(hidden).isZero();
        assertThat(view.summaryProperty().get()).startsWith("No changes");
        assertThat(view.groups().stream().mapToInt(group -> group.entries().size()).sum())
                .isEqualTo(Guide.stack().all().size());
    }
}
