package dev.terrace.desktop.secrets;

import dev.terrace.desktop.task.PollTimer;
import dev.terrace.desktop.task.UiExecutor;
import java.time.Duration;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Whether the value being typed is shown in clear. A reveal lasts {@link #TIMEOUT} at most and
 * covers one secret: choosing another secret or sending the value hides it again. Used on the UI
 * thread only.
 */
final class RevealWindow {

    /** How long a revealed value stays readable. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final PollTimer timer;
    private final UiExecutor ui;
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper(this, "revealed");
    private PollTimer.Schedule expiry;

    RevealWindow(PollTimer timer, UiExecutor ui) {
        this.timer = timer;
        this.ui = ui;
    }

    ReadOnlyBooleanProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    void reveal() {
        hide();
        revealed.set(true);
        expiry = timer.every(TIMEOUT, () -> ui.execute(this::hide));
    }

    void hide() {
        if (expiry != null) {
            expiry.cancel();
            expiry = null;
        }
        revealed.set(false);
    }
}
