package dev.terrace.desktop.deploy;

import dev.terrace.desktop.Texts;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One line of the deploy's progress: a resource change or a job run, with its state, attempts and
 * the last message, such as a retry's reason.
 */
public final class DeployStep {

    /** The state of one step. */
    public enum State {
        WAITING,
        RUNNING,
        RETRYING,
        SUCCEEDED,
        FAILED,
        SKIPPED;

        public String label() {
            return Texts.get("deploy.step." + name().toLowerCase(Locale.ROOT));
        }
    }

    private final String subject;
    private final String action;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.WAITING);
    private final IntegerProperty attempts = new SimpleIntegerProperty(this, "attempts");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    public DeployStep(String subject, String action) {
        this.subject = subject;
        this.action = action;
    }

    /** Returns the resource address or job the step is about. */
    public String subject() {
        return subject;
    }

    public String action() {
        return action;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    public IntegerProperty attemptsProperty() {
        return attempts;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public String message() {
        return message.get();
    }
}
