package dev.terrace.emulator.longrunning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.longrunning.Operation;
import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.rpc.Code;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.ProtoJson;
import dev.terrace.emulator.StateSection;
import dev.terrace.emulator.World;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The long-running operations of every API, kept by name. One registry serves all services, and
 * the {@code google.longrunning.Operations} service reads it, because the official clients poll
 * every operation through that one service on the same endpoint.
 */
public final class OperationsRegistry implements StateSection {
  // Old finished operations are dropped past this count so a long-lived sandbox stays small.
  private static final int MAX_OPERATIONS = 2000;

  private final World world;
  private final Map<String, Operation> operations = new LinkedHashMap<>();

  public OperationsRegistry(World world) {
    this.world = world;
  }

  /** Returns a new random operation id, unique in this emulator. */
  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /** Stores and returns a running operation. */
  public Operation start(String name, Message metadata) {
    Operation operation = Operation.newBuilder().setName(name).setMetadata(Any.pack(metadata)).build();
    put(operation);
    return operation;
  }

  /** Stores and returns an operation that is already done with this response. */
  public Operation finished(String name, Message metadata, Message response) {
    Operation operation =
        Operation.newBuilder()
            .setName(name)
            .setMetadata(Any.pack(metadata))
            .setDone(true)
            .setResponse(Any.pack(response))
            .build();
    put(operation);
    return operation;
  }

  /** Marks a running operation done with this response and, if given, new metadata. */
  public Operation complete(String name, Message response, Message metadata) {
    return update(
        name,
        op -> {
          Operation.Builder done = op.toBuilder().setDone(true).setResponse(Any.pack(response));
          if (metadata != null) {
            done.setMetadata(Any.pack(metadata));
          }
          return done.build();
        });
  }

  /** Marks a running operation done with this error. */
  public Operation fail(String name, com.google.rpc.Status error) {
    return update(name, op -> op.toBuilder().setDone(true).setError(error).build());
  }

  /** Replaces an operation through the function, under the world's lock. */
  public Operation update(String name, UnaryOperator<Operation> change) {
    return world.write(
        () -> {
          Operation current = operations.get(name);
          if (current == null) {
            throw GrpcErrors.notFound("Operation " + name + " not found.");
          }
          Operation changed = change.apply(current);
          operations.put(name, changed);
          return changed;
        });
  }

  public Optional<Operation> get(String name) {
    return world.read(() -> Optional.ofNullable(operations.get(name)));
  }

  /** Returns the operations whose name starts with the prefix, oldest first. */
  public List<Operation> list(String namePrefix) {
    return world.read(
        () -> {
          List<Operation> found = new ArrayList<>();
          for (Operation op : operations.values()) {
            if (op.getName().startsWith(namePrefix)) {
              found.add(op);
            }
          }
          return found;
        });
  }

  public boolean delete(String name) {
    return world.write(() -> operations.remove(name) != null);
  }

  /** Marks a running operation cancelled; a done one stays as it was, as the real service does. */
  public Operation cancel(String name) {
    return update(
        name,
        op ->
            op.getDone()
                ? op
                : op.toBuilder()
                    .setDone(true)
                    .setError(GrpcErrors.status(Code.CANCELLED, "Operation was cancelled."))
                    .build());
  }

  private void put(Operation operation) {
    world.write(
        () -> {
          operations.put(operation.getName(), operation);
          trim();
          return null;
        });
  }

  private void trim() {
    Iterator<Operation> oldest = operations.values().iterator();
    while (operations.size() > MAX_OPERATIONS && oldest.hasNext()) {
      if (oldest.next().getDone()) {
        oldest.remove();
      }
    }
  }

  @Override
  public String sectionName() {
    return "operations";
  }

  @Override
  public JsonNode save() {
    ObjectNode saved = ProtoJson.MAPPER.createObjectNode();
    operations.forEach((name, op) -> saved.set(name, ProtoJson.toBytes(op)));
    return saved;
  }

  @Override
  public void load(JsonNode saved) {
    operations.clear();
    saved.fields().forEachRemaining(e -> operations.put(e.getKey(), ProtoJson.fromBytes(e.getValue(), Operation.parser())));
  }
}
