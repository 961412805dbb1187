package dev.terrace.core.memory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The in-memory cloud's contents, in a form Jackson writes to its file. Secret values are not
 * part of it, so they never reach disk; they live only as long as the process.
 */
final class MemoryCloudData {

    /** Stored objects by kind key, then by identity. */
    public Map<String, Map<String, StoredObject>> objects = new TreeMap<>();

    public Set<String> enabledServices = new TreeSet<>();

    public long counter;

    /** Successful creates per "kind identity", so tests can prove nothing was created twice. */
    public Map<String, Integer> creates = new TreeMap<>();

    /** One stored object: its spec as JSON and the attributes the fake server filled in. */
    public static final class StoredObject {
        public JsonNode spec;
        public Map<String, String> attributes = new TreeMap<>();
    }
}
