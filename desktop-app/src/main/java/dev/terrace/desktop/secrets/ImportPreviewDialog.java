package dev.terrace.desktop.secrets;

import dev.terrace.core.secret.ImportPreview;
import dev.terrace.desktop.Texts;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Shows what importing a .env file would do, by secret name, and requests confirmation before the import. */
final class ImportPreviewDialog {

    private ImportPreviewDialog() {
    }

    static void confirm(Window owner, ImportPreview preview, Runnable apply, Runnable cancel) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(owner);
        alert.setTitle(Texts.get("secrets.import.title"));
        alert.setHeaderText(Texts.get("secrets.import.header"));
        TextArea summary = new TextArea(summary(preview));
        summary.setId("secret-import-preview");
        summary.setEditable(false);
        summary.setWrapText(true);
        alert.getDialogPane().setContent(summary);
        alert.getDialogPane().lookupButton(ButtonType.OK).setDisable(!preview.rejected().isEmpty());
        boolean confirmed = alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
        if (confirmed) {
            apply.run();
        } else {
            cancel.run();
        }
    }

    /** Returns the preview as lines of names; it contains no value. */
    static String summary(ImportPreview preview) {
        List<String> lines = new ArrayList<>();
        lines.add(Texts.get("secrets.import.new_secrets", names(preview.newSecrets())));
        lines.add(Texts.get("secrets.import.new_versions", names(preview.newVersions())));
        lines.add(Texts.get("secrets.import.unchanged", names(preview.unchanged())));
        if (!preview.rejected().isEmpty()) {
            lines.add(Texts.get("secrets.import.rejected"));
            preview.rejected().forEach(reason -> lines.add("  " + reason));
        }
        return String.join("\n", lines);
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? Texts.get("secrets.import.none") : String.join(", ", names);
    }
}
