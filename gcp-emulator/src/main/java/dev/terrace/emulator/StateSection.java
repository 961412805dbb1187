package dev.terrace.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One named part of the world that is written into snapshots. Both methods run with the world's
 * lock held, so they see and leave a consistent state.
 */
public interface StateSection {

  /** Key of this section in the snapshot file; stable across versions. */
  String sectionName();

  /** Returns this section's state as JSON. */
  JsonNode save();

  /** Replaces this section's state with what {@link #save()} returned in an earlier run. */
  void load(JsonNode saved);
}
