package dev.terrace.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The addresses a running emulator serves, all on 127.0.0.1. */
public final class Endpoints {
  private final String grpcTarget;
  private final String storageHost;
  private final Map<String, String> all = new LinkedHashMap<>();

  Endpoints(int grpcPort, int storagePort) {
    this.grpcTarget = "127.0.0.1:" + grpcPort;
    this.storageHost = "http://127.0.0.1:" + storagePort;
    all.put("grpc", grpcTarget);
    all.put("storage", storageHost);
  }

  /** Returns {@code 127.0.0.1:PORT}, the endpoint of every gRPC API (plaintext). */
  public String grpcTarget() {
    return grpcTarget;
  }

  /** Returns {@code http://127.0.0.1:PORT}, the host for {@code StorageOptions.setHost}. */
  public String storageHost() {
    return storageHost;
  }

  /** Returns every served address by name, in the order they were added. */
  public synchronized Map<String, String> all() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(all));
  }

  synchronized void add(String name, String address) {
    all.put(name, address);
  }

  @Override
  public String toString() {
    return all().toString();
  }
}
