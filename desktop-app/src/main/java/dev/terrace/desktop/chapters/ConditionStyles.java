package dev.terrace.desktop.chapters;

import atlantafx.base.theme.Styles;
import dev.terrace.desktop.model.ResourceCondition;
import javafx.scene.control.Labeled;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The colour and icon of each resource condition, shared by badges, tables and rows. */
public final class ConditionStyles {

    private static final String[] COLOURS = {Styles.SUCCESS, Styles.WARNING, Styles.ACCENT, Styles.DANGER,
        Styles.TEXT_MUTED};

    private ConditionStyles() {
    }

    public static String colour(ResourceCondition condition) {
        switch (condition) {
            case IN_PLACE:
                return Styles.SUCCESS;
            case DRIFT:
                return Styles.WARNING;
            case MISSING:
                return Styles.ACCENT;
            case ERROR:
                return Styles.DANGER;
            case UNKNOWN:
            default:
                return Styles.TEXT_MUTED;
        }
    }

    public static Feather icon(ResourceCondition condition) {
        switch (condition) {
            case IN_PLACE:
                return Feather.CHECK_CIRCLE;
            case DRIFT:
                return Feather.ALERT_TRIANGLE;
            case MISSING:
                return Feather.PLUS_CIRCLE;
            case ERROR:
                return Feather.X_OCTAGON;
            case UNKNOWN:
            default:
                return Feather.HELP_CIRCLE;
        }
    }

    /** Styles a label for a condition, or clears it for null. */
    public static void apply(Labeled label, ResourceCondition condition) {
        label.getStyleClass().removeAll(COLOURS);
        if (condition == null) {
            label.setGraphic(null);
            return;
        }
        label.getStyleClass().add(colour(condition));
        FontIcon icon = new FontIcon(icon(condition));
        icon.getStyleClass().add(colour(condition));
        label.setGraphic(icon);
    }
}
