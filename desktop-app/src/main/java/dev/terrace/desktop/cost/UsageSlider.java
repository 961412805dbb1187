package dev.terrace.desktop.cost;

import dev.terrace.core.cost.Figures;
import dev.terrace.desktop.Texts;
import java.math.BigDecimal;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One usage assumption on the cost screen: a slider position and an editable number that both set
 * the same value. Moving the slider rounds the value to two significant digits; a typed value is
 * taken as typed when it lies inside the slider's range.
 */
public final class UsageSlider {

    private final String id;
    private final String label;
    private final SliderScale scale;
    private final ObjectProperty<BigDecimal> value;
    private final DoubleProperty position = new SimpleDoubleProperty(this, "position");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    /** Set while the position follows the value, so that the position's listener does not round it again. */
    private boolean following;

    UsageSlider(String id, String label, SliderScale scale, BigDecimal initial) {
        this.id = id;
        this.label = label;
        this.scale = scale;
        this.value = new SimpleObjectProperty<>(this, "value", initial);
        followValue(true);
        value.addListener((observable, before, after) -> followValue(!following));
        position.addListener((observable, before, after) -> {
            if (!following) {
                following = true;
                value.set(scale.valueAt(after.doubleValue()));
                following = false;
            }
        });
    }

    /** Returns a node id suffix for the view, such as {@code requests}. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public ReadOnlyObjectProperty<BigDecimal> valueProperty() {
        return value;
    }

    public BigDecimal value() {
        return value.get();
    }

    /** Returns the slider's position from 0 to 1; the view binds the slider to it both ways. */
    public DoubleProperty positionProperty() {
        return position;
    }

    /** Returns the number as shown and typed; {@link #commitText()} takes a typed one. */
    public StringProperty textProperty() {
        return text;
    }

    /** Returns why the typed number was not taken, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** Sets the value directly, such as on a reset; the slider and the number follow. */
    void set(BigDecimal newValue) {
        value.set(newValue);
        followValue(true);
    }

    /** Takes the typed number when it lies inside the range. Otherwise keeps the value and sets the error. */
    public void commitText() {
        String typed = text.get() == null ? "" : text.get().replace(",", "").replace("_", "").trim();
        BigDecimal parsed;
        try {
            parsed = new BigDecimal(typed);
        } catch (NumberFormatException notANumber) {
            error.set(rangeMessage());
            return;
        }
        if (!scale.contains(parsed)) {
            error.set(rangeMessage());
            return;
        }
        error.set("");
        set(parsed);
    }

    private String rangeMessage() {
        return Texts.get("cost.value_invalid", label, text.get(), Figures.quantity(BigDecimal.valueOf(scale.min())),
                Figures.quantity(BigDecimal.valueOf(scale.max())));
    }

    /** Shows the value as text and, unless the slider itself set the value, moves the slider to it. */
    private void followValue(boolean movePosition) {
        text.set(Figures.quantity(value.get()));
        error.set("");
        if (movePosition) {
            boolean outer = following;
            following = true;
            position.set(scale.positionOf(value.get()));
            following = outer;
        }
    }
}
