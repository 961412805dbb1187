package dev.terrace.desktop.secrets;

import dev.terrace.desktop.Texts;
import java.util.Optional;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/** Asks for a secret's name to be typed before one of its versions is destroyed. */
final class DestroyDialog {

    private DestroyDialog() {
    }

    /** Returns the name as typed, or empty when the dialog was cancelled. */
    static Optional<String> ask(Window owner, String secretId, String version) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(owner);
        dialog.setTitle(Texts.get("secrets.destroy.title", secretId, version));
        dialog.setHeaderText(Texts.get("secrets.destroy.header"));
        dialog.setContentText(Texts.get("secrets.destroy.prompt", secretId));
        dialog.getEditor().setId("secret-destroy-name");
        return dialog.showAndWait();
    }
}
