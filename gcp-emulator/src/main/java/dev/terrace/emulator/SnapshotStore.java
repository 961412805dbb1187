package dev.terrace.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the whole world to {@code DATA_DIR/emulator-state.json} and reads it back. A snapshot is
 * written to a temporary file and moved over the old one, so a crash leaves either the old or the
 * new snapshot, never half of one.
 */
final class SnapshotStore {
  static final String FILE_NAME = "emulator-state.json";
  private static final int FORMAT_VERSION = 1;
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);

  private final Path dataDir;
  private final Path file;

  SnapshotStore(Path dataDir) {
    this.dataDir = dataDir;
    this.file = dataDir.resolve(FILE_NAME);
  }

  /** Loads the snapshot into the world's sections; returns false when there is none yet. */
  boolean load(World world) throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    JsonNode root = ProtoJson.MAPPER.readTree(file.toFile());
    int version = root.path("formatVersion").asInt(-1);
    if (version != FORMAT_VERSION) {
      throw new IOException(file + " has snapshot format " + version + "; this emulator reads format " + FORMAT_VERSION);
    }
    JsonNode sections = root.path("sections");
    world.update(
        () -> {
          for (StateSection section : world.sections()) {
            JsonNode saved = sections.get(section.sectionName());
            if (saved != null) {
              section.load(saved);
            }
          }
        });
    if (root.hasNonNull("clock")) {
      world.clock().resumeFrom(Instant.parse(root.get("clock").asText()));
    }
    world.takeChanged();
    LOG.info("Loaded emulator state from {}", file);
    return true;
  }

  /**
   * Writes a snapshot if anything changed since the last one (or always, when forced). Saves are
   * serialized, so an older snapshot never replaces a newer one.
   */
  synchronized void save(World world, boolean force) throws IOException {
    if (!world.takeChanged() && !force) {
      return;
    }
    ObjectNode root = ProtoJson.MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("clock", world.clock().instant().toString());
    ObjectNode sections = root.putObject("sections");
    world.read(
        () -> {
          for (StateSection section : world.sections()) {
            sections.set(section.sectionName(), section.save());
          }
          return null;
        });
    Files.createDirectories(dataDir);
    Path temporary = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        ProtoJson.MAPPER.writeValue(out, root);
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      // Left only when writing failed or was interrupted; the last complete snapshot stays.
      Files.deleteIfExists(temporary);
    }
  }
}
