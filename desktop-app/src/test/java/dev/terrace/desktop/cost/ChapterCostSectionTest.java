package dev.terrace.desktop.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.Guide;
import dev.terrace.core.cost.PriceBook;
import dev.terrace.core.model.Chapter;
import dev.terrace.desktop.chapters.ChapterPanelViewModel;
import dev.terrace.desktop.chapters.ChaptersViewModel;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.desktop.task.UiExecutor;
import dev.terrace.session.Workspace;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chapter panel's cost section, which follows the cost screen's sliders through the shared model. */
class ChapterCostSectionTest {

    @TempDir
    Path folder;

    private final BackgroundRunner runner = new BackgroundRunner(1, UiExecutor.INLINE);
    private ChaptersViewModel chapters;
    private ChapterPanelViewModel panel;
    private CostViewModel cost;

    @BeforeEach
    void open() {
        ConsoleModel model = new ConsoleModel(runner, 0);
        model.setWorkspace(new Workspace(Guide.stack(), Guide.freshCloud(), folder.resolve("state")));
        cost = new CostViewModel(new CostModel(model, PriceBook.bundled()));
        chapters = new ChaptersViewModel(model);
        panel = new ChapterPanelViewModel(model, chapters, () -> { }, cost.cost());
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    @Test
    void cloudRunChapterShowsItsLines() {
        chapters.selectedProperty().set(Chapter.CLOUD_RUN);

        ChapterCost section = panel.costProperty().get();
        assertThat(section.hasCost()).isTrue();
        assertThat(section.rows()).extracting(CostRow::address).containsOnly("run_service.web");
        assertThat(section.rows()).extracting(CostRow::item)
                .contains("Cloud Run requests");
        assertThat(section.rows()).hasSize(cost.cost().estimate().linesOf(Chapter.CLOUD_RUN).size());
        assertThat(section.summary()).startsWith("$0.00 per month for this chapter in southamerica-east1");
    }

    @Test
    void terraformOverviewChapterHasNoCost() {
        chapters.selectedProperty().set(Chapter.TERRAFORM_OVERVIEW);

        ChapterCost section = panel.costProperty().get();
        assertThat(section.hasCost()).isFalse();
        assertThat(section.rows()).isEmpty();
        assertThat(section.subtotal()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(section.summary()).isEqualTo("Nothing in this chapter is billed.");
    }

    @Test
    void cloudRunSubtotalFollowsRequestsSlider() {
        chapters.selectedProperty().set(Chapter.CLOUD_RUN);
        BigDecimal before = panel.costProperty().get().subtotal();

        cost.requests().positionProperty().set(1.0);

        BigDecimal after = panel.costProperty().get().subtotal();
        assertThat(after).isGreaterThan(before);
        assertThat(after).isEqualByComparingTo(cost.cost().estimate().byChapter().get(Chapter.CLOUD_RUN));
        assertThat(panel.costProperty().get().summary()).doesNotStartWith("$0.00");
    }

    @Test
    void subtotalCountsLinesInWords() {
        chapters.selectedProperty().set(Chapter.ARTIFACT_REGISTRY);

        assertThat(panel.costProperty().get().summary()).contains("from 1 line item,");
    }
}
