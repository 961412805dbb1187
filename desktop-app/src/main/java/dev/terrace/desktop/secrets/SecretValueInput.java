package dev.terrace.desktop.secrets;

import dev.terrace.desktop.Texts;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;

/**
 * A multi-line input for a secret value that masks what is typed. JavaFX has no masked text area,
 * so while masked the area's text is drawn transparent and a label above it shows only the number
 * of characters. NOTE: the typed text still lives in the area as a {@link String} until
 * {@link #takeValue()} clears it, because every JavaFX text control stores its content so.
 */
final class SecretValueInput extends StackPane {

    private static final String MASKED_STYLE = "-fx-text-fill: transparent; -fx-highlight-text-fill: transparent;"
            + " -fx-font-family: monospace;";
    private static final String REVEALED_STYLE = "-fx-font-family: monospace;";

    private final TextArea area = new TextArea();
    private final Label mask = new Label();

    SecretValueInput(ObservableBooleanValue revealed) {
        area.setId("secret-value");
        area.setPromptText(Texts.get("secrets.value.prompt"));
        area.setPrefRowCount(4);
        area.setWrapText(true);
        mask.setId("secret-value-mask");
        mask.setMouseTransparent(true);
        mask.getStyleClass().add("text-muted");
        StackPane.setAlignment(mask, Pos.CENTER);
        area.lengthProperty().addListener((observable, before, after) -> showMask(revealed.get()));
        revealed.addListener((observable, before, after) -> showMask(after));
        showMask(revealed.get());
        getChildren().addAll(area, mask);
    }

    /** Returns the typed value and empties the input; the caller wipes the array. */
    char[] takeValue() {
        char[] value = area.getText().toCharArray();
        area.clear();
        return value;
    }

    /** Returns a copy of the typed value and leaves it in place; the caller wipes the array. */
    char[] copyValue() {
        return area.getText().toCharArray();
    }

    void clear() {
        area.clear();
    }

    private void showMask(boolean revealed) {
        area.setStyle(revealed ? REVEALED_STYLE : MASKED_STYLE);
        int length = area.getLength();
        mask.setVisible(!revealed && length > 0);
        mask.setText(Texts.get("secrets.value.hidden", length));
    }
}
