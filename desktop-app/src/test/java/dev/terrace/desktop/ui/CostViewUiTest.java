package dev.terrace.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.terrace.core.Guide;
import dev.terrace.core.cost.PriceBook;
import dev.terrace.desktop.cost.CostModel;
import dev.terrace.desktop.cost.CostView;
import dev.terrace.desktop.cost.CostViewModel;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.session.Workspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The cost screen on the guide's stack in an in-memory workspace, driven through its slider and number field. */
@ExtendWith(ApplicationExtension.class)
class CostViewUiTest {

    @TempDir
    static Path folder;

    private BackgroundRunner runner;
    private final AtomicReference<Throwable> fxError = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> fxError.set(error));
        // The console's theme, which defines the colours the view's bars use.
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        runner = new BackgroundRunner(1, Platform::runLater);
        ConsoleModel model = new ConsoleModel(runner, 0);
        model.setWorkspace(new Workspace(Guide.stack(), Guide.freshCloud(), folder.resolve("state")));
        CostView view = new CostView(new CostViewModel(new CostModel(model, PriceBook.bundled())));
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    @Test
    void requestsSliderChangesTotal(FxRobot robot) throws Exception {
        Label total = robot.lookup("#cost-total").queryAs(Label.class);
        String before = fx(total::getText);
        assertThat(before).endsWith(" per month");

        robot.clickOn("#cost-requests-slider");
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();

        Slider slider = robot.lookup("#cost-requests-slider").queryAs(Slider.class);
        double position = fx(slider::getValue);
        assertThat(position).isEqualTo(1.0);
        TextField number = robot.lookup("#cost-requests-value").queryAs(TextField.class);
        String shown = fx(number::getText);
        String after = fx(total::getText);
        assertThat(shown).isEqualTo("20,000,000");
        assertThat(after).isNotEqualTo(before).endsWith(" per month");
        assertThat(fxError.get()).isNull();
    }

    @Test
    void typedRequestsMoveSliderAndTotal(FxRobot robot) throws Exception {
        Label total = robot.lookup("#cost-total").queryAs(Label.class);
        String before = fx(total::getText);
        Slider slider = robot.lookup("#cost-requests-slider").queryAs(Slider.class);
        double positionBefore = fx(slider::getValue);

        robot.doubleClickOn("#cost-requests-value");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("10000000");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        double positionAfter = fx(slider::getValue);
        String after = fx(total::getText);
        assertThat(positionAfter).isGreaterThan(positionBefore);
        assertThat(after).isNotEqualTo(before);
        assertThat(fxError.get()).isNull();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
