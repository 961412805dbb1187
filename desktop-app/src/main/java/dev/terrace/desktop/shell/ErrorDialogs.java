package dev.terrace.desktop.shell;

import dev.terrace.desktop.Texts;
import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place unexpected errors reach the user: a dialog with a short message and the details
 * folded away. Expected failures are diagnostics and never come here.
 */
public final class ErrorDialogs {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorDialogs.class);

    private ErrorDialogs() {
    }

    /** Routes every uncaught exception, from any thread, to a dialog over the owner window. */
    public static void install(Window owner) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Unexpected error on thread {}", thread.getName(), error);
            if (Platform.isFxApplicationThread()) {
                show(owner, error);
            } else {
                Platform.runLater(() -> show(owner, error));
            }
        });
    }

    /** Shows an unexpected error now; call on the UI thread. */
    public static void show(Window owner, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(Texts.get("error.unexpected.title"));
        alert.setHeaderText(Texts.get("error.unexpected.header"));
        alert.setContentText(String.valueOf(error.getMessage()));
        TextArea details = new TextArea(trace(error));
        details.setEditable(false);
        details.setPrefRowCount(16);
        alert.getDialogPane().setExpandableContent(details);
        alert.getDialogPane().setExpanded(false);
        alert.show();
    }

    private static String trace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
