package dev.terrace.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.GuideExample;
import dev.terrace.desktop.Console;
import dev.terrace.desktop.ConsoleArguments;
import dev.terrace.desktop.chapters.ChapterItem;
import dev.terrace.desktop.deploy.DeployPhase;
import dev.terrace.desktop.model.ResourceCondition;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.session.Sandbox;
import io.grpc.Status.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console end to end on a fresh sandbox, driven through its buttons: plan, deploy the guide
 * stack, and see every chapter that owns resources turn "in place" and the service URL appear.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleDeployUiTest {

    @TempDir
    static Path folder;

    private Console console;
    /** The FX thread outlives each test, so every test installs its own handler in {@link #start}. */
    private final AtomicReference<Throwable> fxError = new AtomicReference<>();

    @Start
    void start(Stage stage) throws IOException {
        Path root = Files.createTempDirectory(folder, "console");
        Path stack = root.resolve("terrace.yaml");
        Files.copy(GuideExample.path(), stack);
        ConsoleArguments arguments = new ConsoleArguments(stack, root.resolve("state"), root.resolve("sandbox"), false);
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> fxError.set(error));
        console = Console.build(arguments, new BackgroundRunner(4, Platform::runLater));
        Scene scene = new Scene(console.view(), 1280, 800);
        console.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        console.main().openSandbox(stack);
    }

    @AfterEach
    void closeWorkspace() throws Exception {
        if (console != null && console.main().model().workspace() != null) {
            console.main().model().workspace().close();
        }
        if (console != null) {
            console.close();
        }
    }

    @Test
    void deployTurnsEveryChapterInPlace(FxRobot robot) throws Exception {
        awaitFx(() -> console.main().model().planProperty().get() != null && !console.main().busyProperty().get(), 60);

        robot.clickOn("#plan-button");
        awaitFx(() -> !console.main().busyProperty().get(), 60);
        assertThat(robot.lookup("#plan-summary").queryAs(Label.class).getText()).contains("to create");

        robot.clickOn("#deploy-button");
        awaitFx(() -> console.deploy().phase() == DeployPhase.REVIEW, 60);
        robot.clickOn("#deploy-apply");
        awaitFx(() -> !console.deploy().phase().running() && console.deploy().phase() != DeployPhase.REVIEW, 180);

        assertThat(fx(() -> console.deploy().summaryProperty().get())).contains("Deployed");
        assertThat(console.deploy().phase()).isEqualTo(DeployPhase.SUCCEEDED);
        String url = fx(() -> robot.lookup("#deploy-service-url").queryAs(TextField.class).getText());
        assertThat(url).startsWith("http://127.0.0.1:");
        awaitFx(() -> !console.main().busyProperty().get(), 60);
        awaitFx(() -> console.chapters().chaptersWithResources().stream()
                .allMatch(chapter -> console.chapters().item(chapter).badge().headline() == ResourceCondition.IN_PLACE),
                60);
        for (var chapter : console.chapters().chaptersWithResources()) {
            ChapterItem item = console.chapters().item(chapter);
            assertThat(item.badge().text()).as("badge of chapter %s", chapter.label()).isEqualTo("in place");
        }
        assertThat(console.chapters().chaptersWithResources()).hasSizeGreaterThanOrEqualTo(7);

        robot.clickOn("Dockerfile");
        awaitFx(() -> robot.lookup("#images-message").queryAs(Label.class).getText().contains("registry holds"), 30);
        assertThat(fx(() -> robot.lookup("#images-message").queryAs(Label.class).getText()))
                .contains("tag latest");
        assertThat(fxError.get()).isNull();
    }

    @Test
    void permanentFaultShowsDiagnosticAndSkipped(FxRobot robot) throws Exception {
        awaitFx(() -> console.main().model().planProperty().get() != null && !console.main().busyProperty().get(), 60);
        Sandbox sandbox = (Sandbox) console.main().model().workspace().gateway();
        sandbox.emulator().faults().failNext("google.iam.admin.v1.IAM/CreateServiceAccount", 1_000,
                Code.PERMISSION_DENIED);

        robot.clickOn("#deploy-button");
        awaitFx(() -> console.deploy().phase() == DeployPhase.REVIEW, 60);
        robot.clickOn("#deploy-apply");
        awaitFx(() -> !console.deploy().phase().running() && console.deploy().phase() != DeployPhase.REVIEW, 180);

        assertThat(console.deploy().phase()).isEqualTo(DeployPhase.FAILED);
        @SuppressWarnings("unchecked")
        ListView<String> failures = robot.lookup("#deploy-failures").queryAs(ListView.class);
        assertThat(fx(() -> failures.isVisible())).isTrue();
        assertThat(fx(() -> failures.getItems())).anyMatch(line -> line.startsWith("Failed: service_account.")
                && line.contains("PERMISSION_DENIED"));
        assertThat(fx(() -> failures.getItems())).anyMatch(line -> line.startsWith("Skipped: run_service.web"));
        assertThat(fx(() -> console.deploy().summaryProperty().get())).contains("fix the cause");
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private static void awaitFx(BooleanSupplier condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!fx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the console did not reach the expected state within " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }
}
