package dev.terrace.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.GuideExample;
import dev.terrace.desktop.WorkspaceOpener;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.desktop.task.UiExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {

    @TempDir
    Path folder;

    private final BackgroundRunner runner = new BackgroundRunner(1, UiExecutor.INLINE);
    private ConsoleModel model;

    @AfterEach
    void close() {
        if (model != null && model.workspace() != null) {
            model.workspace().close();
        }
        runner.close();
    }

    @Test
    void refreshReopensFixedStack() throws IOException {
        Path stack = folder.resolve("terrace.yaml");
        Files.writeString(stack, GuideExample.text().replace("region: southamerica-east1", "region: mars-north1"));
        model = new ConsoleModel(runner, 0);
        MainViewModel main = new MainViewModel(model,
                new WorkspaceOpener(folder.resolve("state"), folder.resolve("sandbox")));

        main.openSandbox(stack);
        await(() -> !main.busyProperty().get());
        String problem = main.problemProperty().get();
        Files.writeString(stack, GuideExample.text());
        main.refresh();
        await(() -> model.workspace() != null && !main.busyProperty().get());

        assertThat(problem).contains("mars-north1");
        assertThat(main.problemProperty().get()).isEmpty();
        assertThat(model.workspace().stack().settings().region()).isEqualTo("southamerica-east1");
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 60 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }
}
