package dev.terrace.desktop;

import dev.terrace.desktop.shell.MainView;
import dev.terrace.desktop.shell.MainViewModel;
import dev.terrace.desktop.shell.Screen;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the running console through its screens and writes a PNG of each, for
 * {@code scripts/screenshots.sh}. It starts only when the system property
 * {@code terrace.screenshots} names a folder, and quits the application when done.
 *
 * <p>The screens are found by the main view's tab ids, the chapter list by its place in the
 * chapters pane, and the deploy screen's buttons by their ids. A screen that is missing or empty
 * still gets its picture, so the script never stops halfway.
 */
final class ScreenshotScript implements Runnable {

    /** The system property that names the folder the PNGs go to. */
    static final String PROPERTY = "terrace.screenshots";

    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotScript.class);
    private static final long PLAN_LIMIT_MILLIS = 180_000;
    private static final long DEPLOY_LIMIT_MILLIS = 240_000;
    /** Chapter 11 (Cloud Run) is the 11th of the 18 chapters in the list. */
    private static final int CHAPTER_11_INDEX = 10;

    private final MainViewModel main;
    private final MainView view;
    private final Path folder;

    private ScreenshotScript(MainViewModel main, MainView view, Path folder) {
        this.main = main;
        this.view = view;
        this.folder = folder;
    }

    /** Starts the script on its own thread when the property is set; otherwise does nothing. */
    static void startIfRequested(MainViewModel main, MainView view) {
        String target = System.getProperty(PROPERTY);
        if (target == null || target.isBlank()) {
            return;
        }
        Thread thread = new Thread(new ScreenshotScript(main, view, Path.of(target)), "terrace-screenshots");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            Files.createDirectories(folder);
            waitFor("the first plan", PLAN_LIMIT_MILLIS, () -> main.model().planProperty().get() != null
                    && !main.busyProperty().get());
            pause(1000);

            runOnFx(() -> {
                main.screenProperty().set(Screen.CHAPTER);
                selectChapter11();
            });
            pause(1500);
            shoot("chapter-11");

            runOnFx(main::plan);
            pause(500);
            waitFor("the plan", PLAN_LIMIT_MILLIS, () -> !main.busyProperty().get());
            runOnFx(() -> main.screenProperty().set(Screen.PLAN));
            pause(1000);
            shoot("plan");

            deploy();

            runOnFx(() -> main.screenProperty().set(Screen.STATUS));
            runOnFx(main::refresh);
            pause(500);
            waitFor("the refresh", PLAN_LIMIT_MILLIS, () -> !main.busyProperty().get());
            pause(3000);
            shoot("status");

            runOnFx(() -> main.screenProperty().set(Screen.LOGS));
            pause(1500);
            shoot("logs");

            runOnFx(() -> main.screenProperty().set(Screen.SECRETS));
            pause(2000);
            shoot("secrets");

            runOnFx(() -> main.screenProperty().set(Screen.COST));
            pause(1500);
            shoot("cost");

            runOnFx(() -> main.screenProperty().set(Screen.CHAPTER));
            pause(1500);
            shoot("chapter-11-after-deploy");

            shootConnectDialog();
        } catch (IOException | RuntimeException failed) {
            LOG.error("The screenshot script failed", failed);
        } finally {
            LOG.info("Screenshot script finished; PNGs are in {}", folder.toAbsolutePath());
            Platform.exit();
        }
    }

    /**
     * Shows the deploy screen, starts the deploy, confirms the plan and takes two pictures while
     * the apply runs, then waits until the deploy has ended.
     */
    private void deploy() throws IOException {
        runOnFx(main::showDeploy);
        pause(1000);
        callOnFx(() -> fire("#deploy-start"));
        waitFor("the deploy's plan", PLAN_LIMIT_MILLIS, () -> enabled("#deploy-apply"));
        pause(1000);
        shoot("deploy-review");
        callOnFx(() -> fire("#deploy-apply"));
        pause(1500);
        shoot("deploy-in-progress");
        pause(2500);
        shoot("deploy-in-progress-later");
        waitFor("the deploy", DEPLOY_LIMIT_MILLIS, () -> !enabled("#deploy-cancel") && enabled("#deploy-start"));
        pause(1000);
        shoot("deploy-finished");
    }

    /** Fires the enabled button with this selector on the deploy screen; returns whether it did. */
    private boolean fire(String selector) {
        Node node = deployContent().map(content -> content.lookup(selector)).orElse(null);
        if (node instanceof Button button && !button.isDisabled()) {
            LOG.info("Screenshot script presses {}", button.getText());
            button.fire();
            return true;
        }
        return false;
    }

    /** Returns whether the deploy screen's button with this selector is enabled; call on the UI thread. */
    private boolean enabled(String selector) {
        Node node = deployContent().map(content -> content.lookup(selector)).orElse(null);
        return node instanceof Button button && !button.isDisabled();
    }

    private void shootConnectDialog() throws IOException {
        Boolean opened = callOnFx(() -> {
            Node button = view.lookup("#connect-open-button");
            if (button instanceof Button connect && !connect.isDisabled()) {
                connect.fire();
                return true;
            }
            return false;
        });
        if (!opened) {
            return;
        }
        pause(1500);
        Scene dialog = callOnFx(() -> Window.getWindows().stream()
                .map(Window::getScene)
                .filter(scene -> scene != null && "connect-dialog".equals(scene.getRoot().getId()))
                .findFirst().orElse(null));
        if (dialog != null) {
            write("connect", callOnFx(() -> dialog.snapshot(null)));
            runOnFx(() -> dialog.getWindow().hide());
        }
    }

    private void selectChapter11() {
        Node left = view.getCenter() instanceof SplitPane split && !split.getItems().isEmpty()
                ? split.getItems().get(0) : null;
        if (left == null) {
            return;
        }
        Node list = left.lookup(".list-view");
        if (list instanceof ListView<?> chapters && chapters.getItems().size() > CHAPTER_11_INDEX) {
            chapters.getSelectionModel().select(CHAPTER_11_INDEX);
            chapters.scrollTo(CHAPTER_11_INDEX);
        }
    }

    private Optional<Node> deployContent() {
        Node tabs = view.lookup(".tab-pane");
        if (!(tabs instanceof TabPane pane)) {
            return Optional.empty();
        }
        for (Tab tab : pane.getTabs()) {
            if ("tab-deploy".equals(tab.getId())) {
                return Optional.ofNullable(tab.getContent());
            }
        }
        return Optional.empty();
    }

    private void shoot(String name) throws IOException {
        write(name, callOnFx(() -> view.getScene().snapshot(null)));
    }

    private void write(String name, WritableImage image) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        picture.setRGB(0, 0, width, height, pixels, 0, width);
        Path file = folder.resolve(name + ".png");
        ImageIO.write(picture, "png", file.toFile());
        LOG.info("Wrote {} ({}x{})", file, width, height);
    }

    private void waitFor(String what, long limitMillis, BooleanSupplier done) {
        long deadline = System.currentTimeMillis() + limitMillis;
        while (!callOnFx(done::getAsBoolean)) {
            if (System.currentTimeMillis() > deadline) {
                LOG.warn("Screenshot script gave up waiting for {} after {} ms", what, limitMillis);
                return;
            }
            pause(250);
        }
    }

    private static void runOnFx(Runnable action) {
        callOnFx(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T callOnFx(Supplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException failed) {
                result.completeExceptionally(failed);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the UI thread", interrupted);
        } catch (ExecutionException | TimeoutException failed) {
            throw new IllegalStateException("The UI thread did not run a screenshot step", failed);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
