package dev.terrace.emulator.storage;

import dev.terrace.emulator.World;
import dev.terrace.emulator.http.HttpApiServer;

/** Registers the Cloud Storage JSON API routes. */
public final class StorageApi {
  private StorageApi() {}

  public static void register(HttpApiServer server, World world) {
    // TODO: routes follow in the next commit.
  }
}
