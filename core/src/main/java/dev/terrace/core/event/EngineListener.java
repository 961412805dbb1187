package dev.terrace.core.event;

/**
 * Receives engine events. Apply calls it from its worker threads, so an implementation must be
 * thread-safe and quick; a UI hands events over to its own thread.
 */
@FunctionalInterface
public interface EngineListener {

    EngineListener NONE = event -> { };

    void onEvent(EngineEvent event);

    /** Returns a listener that sends each event to this one and then to the other. */
    default EngineListener andThen(EngineListener other) {
        return event -> {
            onEvent(event);
            other.onEvent(event);
        };
    }
}
