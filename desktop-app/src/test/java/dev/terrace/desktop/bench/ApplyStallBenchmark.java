package dev.terrace.desktop.bench;

import dev.terrace.core.apply.ApplyResult;
import dev.terrace.core.apply.CancelToken;
import dev.terrace.core.memory.MemoryGateway;
import dev.terrace.core.memory.MemoryGatewayOptions;
import dev.terrace.core.memory.Operation;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.stack.Stack;
import dev.terrace.desktop.Console;
import dev.terrace.desktop.ConsoleArguments;
import dev.terrace.desktop.model.ConsoleModel;
import dev.terrace.desktop.shell.Screen;
import dev.terrace.desktop.task.BackgroundRunner;
import dev.terrace.session.Workspace;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Measures the longest stall of the JavaFX application thread while the console applies a
 * generated 1,000-resource stack on the in-memory gateway. The real console (its composition
 * root, window and event batching) runs in a real window, so it needs a display such as Xvfb. The
 * apply goes through the workspace with the console model's batched event sink, as the console's
 * own apply does.
 *
 * <p>Two probes run on the UI thread. A heartbeat posts a task every 10 ms and records how late
 * it runs. An animation timer records the gap between frame pulses. The same probes run for a
 * few idle seconds first, which shows the machine's own noise. Prints a Markdown table.
 */
public final class ApplyStallBenchmark {

    private static final int SIZE = 1000;
    private static final int CHAINS = 40;
    private static final Duration CREATE = Duration.ofMillis(200);
    private static final Duration READ = Duration.ofMillis(50);
    private static final long IDLE_MILLIS = 3000;

    private ApplyStallBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path scratch = Files.createTempDirectory("terrace-console-bench");
        Stack stack = ChainedStack.of(SIZE, CHAINS);
        Workspace workspace = new Workspace(stack, new MemoryGateway(cloudOptions(stack)), scratch.resolve("state"));

        Platform.startup(() -> { });
        TimedUiExecutor ui = new TimedUiExecutor();
        BackgroundRunner runner = new BackgroundRunner(4, ui);
        Console console = onFx(() -> {
            Console built = Console.build(new ConsoleArguments(scratch.resolve("unused.yaml"), scratch.resolve("state"),
                    scratch.resolve("sandbox"), false), runner);
            Stage stage = new Stage();
            stage.setScene(new Scene(built.view(), 1600, 1000));
            stage.show();
            return built;
        });
        ConsoleModel model = console.main().model();

        long planStart = System.nanoTime();
        onFx(() -> {
            console.main().switchTo(workspace);
            return null;
        });
        waitUntil(() -> model.planProperty().get() != null && !console.main().busyProperty().get());
        double planSeconds = (System.nanoTime() - planStart) / 1e9;
        Plan plan = onFx(() -> model.planProperty().get());

        StallProbe idle = StallProbe.start();
        Thread.sleep(IDLE_MILLIS);
        idle.stop();

        onFx(() -> {
            console.main().screenProperty().set(Screen.LOGS);
            return null;
        });
        StallProbe busy = StallProbe.start();
        ui.reset();
        long fxThread = onFx(() -> Thread.currentThread().getId());
        long fxCpuStart = ManagementFactory.getThreadMXBean().getThreadCpuTime(fxThread);
        long applyStart = System.nanoTime();
        CompletableFuture<ApplyResult> applied = new CompletableFuture<>();
        runner.run("apply", () -> workspace.apply(plan, new CancelToken(), model.eventSink()), result -> {
            model.flushEvents();
            applied.complete(result);
        }, applied::completeExceptionally);
        ApplyResult result = applied.get(10, TimeUnit.MINUTES);
        double applySeconds = (System.nanoTime() - applyStart) / 1e9;
        double fxCpuSeconds = (ManagementFactory.getThreadMXBean().getThreadCpuTime(fxThread) - fxCpuStart) / 1e9;
        Thread.sleep(200);
        busy.stop();

        int events = onFx(() -> model.events().size());
        System.out.printf(Locale.ROOT, "Stack: %d resources in %d chains; latencies create %d ms, read %d ms; "
                + "plan %.1f s, apply %.1f s, %s; %d engine events reached the model.%n%n", SIZE, CHAINS,
                CREATE.toMillis(), READ.toMillis(), planSeconds, applySeconds,
                result.succeeded() ? "succeeded" : "FAILED", events);
        System.out.println("| phase | heartbeats | max heartbeat delay ms | p99 heartbeat delay ms | max pulse gap ms |");
        System.out.println("|---|---|---|---|---|");
        idle.print("idle, before the apply");
        busy.print("apply of 1,000 resources");
        System.out.printf(Locale.ROOT, "%nDuring the apply the console posted %d tasks to the UI thread; the longest "
                + "ran %.1f ms, all together %.2f s. The UI thread used %.2f s of CPU in %.1f s (%.1f %%).%n",
                ui.count(), ui.longestMillis(), ui.totalMillis() / 1000.0, fxCpuSeconds, applySeconds,
                100 * fxCpuSeconds / applySeconds);

        onFx(() -> {
            console.close();
            return null;
        });
        workspace.close();
        Platform.exit();
    }

    private static MemoryGatewayOptions cloudOptions(Stack stack) {
        Set<String> everyApi = Arrays.stream(ResourceKind.values()).map(ResourceKind::apiService)
                .collect(Collectors.toSet());
        return new MemoryGatewayOptions(stack.settings().project(), Map.of(Operation.CREATE, CREATE, Operation.READ,
                READ, Operation.ENABLED_SERVICES, READ), List.of(), 1, null, everyApi);
    }

    private static void waitUntil(java.util.function.BooleanSupplier done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!onFx(done::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The console did not finish planning within 5 minutes");
            }
            Thread.sleep(100);
        }
    }

    static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception failed) {
                result.completeExceptionally(failed);
            }
        });
        return result.get(1, TimeUnit.MINUTES);
    }
}
