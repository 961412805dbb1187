package dev.terrace.core.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.core.json.Json;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.state.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The objects of the in-memory fake cloud, optionally kept in a file so that separate commands
 * see the same cloud. Every change is written through at once, so a killed process loses no change
 * that a caller saw succeed.
 */
final class MemoryCloud {

    private final ObjectMapper mapper = Json.mapper();
    private final Path file;
    private final MemoryCloudData data;

    private MemoryCloud(Path file, MemoryCloudData data) {
        this.file = file;
        this.data = data;
    }

    static MemoryCloud open(Path file, Set<String> initialServices) {
        ObjectMapper mapper = Json.mapper();
        if (file != null && Files.exists(file)) {
            try {
                return new MemoryCloud(file, mapper.readValue(Files.readString(file, StandardCharsets.UTF_8),
                        MemoryCloudData.class));
            } catch (IOException unreadable) {
                throw new UncheckedIOException("Cannot read the in-memory cloud file " + file
                        + "; delete it to start from an empty fake cloud", unreadable);
            }
        }
        MemoryCloudData data = new MemoryCloudData();
        data.enabledServices.addAll(initialServices);
        return new MemoryCloud(file, data);
    }

    synchronized Set<String> enabledServices() {
        return new TreeSet<>(data.enabledServices);
    }

    synchronized void setEnabled(String service, boolean enabled) {
        if (enabled) {
            data.enabledServices.add(service);
        } else {
            data.enabledServices.remove(service);
        }
        save();
    }

    synchronized Optional<MemoryCloudData.StoredObject> get(ResourceKind kind, String identity) {
        return Optional.ofNullable(data.objects.getOrDefault(kind.key(), Map.of()).get(identity));
    }

    /** Returns every stored object of a kind, by identity. */
    synchronized Map<String, MemoryCloudData.StoredObject> all(ResourceKind kind) {
        return new TreeMap<>(data.objects.getOrDefault(kind.key(), Map.of()));
    }

    /** Stores an object; returns false when one with that identity exists and {@code mustBeNew} holds. */
    synchronized boolean put(ResourceKind kind, String identity, JsonNode spec, Map<String, String> attributes,
            boolean mustBeNew) {
        Map<String, MemoryCloudData.StoredObject> ofKind = data.objects.computeIfAbsent(kind.key(),
                key -> new TreeMap<>());
        if (mustBeNew && ofKind.containsKey(identity)) {
            return false;
        }
        MemoryCloudData.StoredObject stored = new MemoryCloudData.StoredObject();
        stored.spec = spec;
        stored.attributes = new TreeMap<>(attributes);
        ofKind.put(identity, stored);
        if (mustBeNew) {
            data.creates.merge(kind.key() + " " + identity, 1, Integer::sum);
        }
        save();
        return true;
    }

    synchronized boolean remove(ResourceKind kind, String identity) {
        Map<String, MemoryCloudData.StoredObject> ofKind = data.objects.get(kind.key());
        if (ofKind == null || ofKind.remove(identity) == null) {
            return false;
        }
        save();
        return true;
    }

    synchronized long nextId() {
        data.counter++;
        return data.counter;
    }

    /** Returns how many times each object was created, keyed by "kind identity". */
    synchronized Map<String, Integer> creates() {
        return new TreeMap<>(data.creates);
    }

    synchronized int count() {
        return data.objects.values().stream().mapToInt(Map::size).sum();
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            AtomicFiles.write(file, mapper.writeValueAsBytes(data), false);
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot write the in-memory cloud file " + file, failed);
        }
    }
}
