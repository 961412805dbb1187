package dev.terrace.desktop.chapters;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable stack setting in a chapter panel, with the error its current text would cause. */
public final class SettingField {

    private final String key;
    private final String saved;
    private final StringProperty value;
    private final StringProperty error = new SimpleStringProperty(this, "error", "");

    public SettingField(String key, String saved) {
        this.key = key;
        this.saved = saved == null ? "" : saved;
        this.value = new SimpleStringProperty(this, "value", this.saved);
    }

    public String key() {
        return key;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public String value() {
        return value.get();
    }

    public boolean changed() {
        return !saved.equals(value.get());
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    void setError(String text) {
        error.set(text == null ? "" : text);
    }
}
