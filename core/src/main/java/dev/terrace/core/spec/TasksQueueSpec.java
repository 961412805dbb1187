package dev.terrace.core.spec;

/** A Cloud Tasks queue. */
public record TasksQueueSpec(
        String name,
        String location,
        QueueRetry retry,
        Double maxDispatchesPerSecond,
        Integer maxConcurrentDispatches) implements Spec {

    @Override
    public String identity() {
        return location + "/" + name;
    }
}
