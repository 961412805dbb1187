package dev.terrace.core.memory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of the in-memory gateway.
 *
 * @param latency how long each kind of call takes; missing operations take no time
 * @param file where the fake cloud is kept between processes; null keeps it in memory only
 * @param seed seeds the fault dice, so a failing run can be repeated
 * @param initialServices the APIs a new fake project has enabled
 */
public record MemoryGatewayOptions(String project, Map<Operation, Duration> latency, List<FaultRule> faults,
        long seed, Path file, Set<String> initialServices) {

    /** The APIs a new Google Cloud project has on, of those the stack uses. */
    public static final Set<String> NEW_PROJECT_SERVICES = Set.of("serviceusage.googleapis.com",
            "storage.googleapis.com", "logging.googleapis.com");

    public MemoryGatewayOptions {
        latency = latency == null || latency.isEmpty() ? Map.of() : new EnumMap<>(latency);
        faults = faults == null ? List.of() : List.copyOf(faults);
        initialServices = initialServices == null ? NEW_PROJECT_SERVICES : Set.copyOf(initialServices);
    }

    public static MemoryGatewayOptions of(String project) {
        return new MemoryGatewayOptions(project, Map.of(), List.of(), 1L, null, null);
    }

    public MemoryGatewayOptions withLatency(Map<Operation, Duration> newLatency) {
        return new MemoryGatewayOptions(project, newLatency, faults, seed, file, initialServices);
    }

    public MemoryGatewayOptions withFaults(List<FaultRule> newFaults) {
        return new MemoryGatewayOptions(project, latency, newFaults, seed, file, initialServices);
    }

    public MemoryGatewayOptions withFile(Path newFile) {
        return new MemoryGatewayOptions(project, latency, faults, seed, newFile, initialServices);
    }

    public MemoryGatewayOptions withSeed(long newSeed) {
        return new MemoryGatewayOptions(project, latency, faults, newSeed, file, initialServices);
    }
}
