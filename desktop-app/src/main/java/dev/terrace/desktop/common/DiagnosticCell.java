package dev.terrace.desktop.common;

import atlantafx.base.theme.Styles;
import dev.terrace.core.diag.Diagnostic;
import dev.terrace.desktop.Texts;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A diagnostic as a list row: severity and summary, then the detail and the fix. */
public final class DiagnosticCell extends ListCell<Diagnostic> {

    private final Label summary = new Label();
    private final Label detail = new Label();
    private final Label fix = new Label();
    private final VBox box = new VBox(2, summary, detail, fix);

    public DiagnosticCell() {
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        detail.setWrapText(true);
        fix.setWrapText(true);
        fix.getStyleClass().add(Styles.TEXT_MUTED);
        box.setMinWidth(0);
        detail.setMaxWidth(Double.MAX_VALUE);
    }

    @Override
    protected void updateItem(Diagnostic item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        summary.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
        summary.getStyleClass().add(item.isError() ? Styles.DANGER : Styles.WARNING);
        summary.setGraphic(new FontIcon(item.isError() ? Feather.X_OCTAGON : Feather.ALERT_TRIANGLE));
        String where = item.address() == null ? "" : item.address() + ": ";
        summary.setText(Texts.get("diagnostic." + item.severity().name().toLowerCase(Locale.ROOT)) + " \u2014 "
                + where + item.summary());
        detail.setText(item.detail() == null ? "" : item.detail());
        detail.setVisible(item.detail() != null && !item.detail().isBlank());
        detail.setManaged(detail.isVisible());
        fix.setText(item.fix() == null ? "" : Texts.get("diagnostic.fix", item.fix()));
        fix.setVisible(item.fix() != null && !item.fix().isBlank());
        fix.setManaged(fix.isVisible());
        detail.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
        fix.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
        setGraphic(box);
    }
}
