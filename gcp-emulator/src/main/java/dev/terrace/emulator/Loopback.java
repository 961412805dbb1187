package dev.terrace.emulator;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The only address the emulator binds: 127.0.0.1. {@code InetAddress.getLoopbackAddress()} may
 * return {@code ::1} when the JVM prefers IPv6, which would not match the printed endpoints.
 */
public final class Loopback {
  public static final InetAddress ADDRESS = ipv4();

  private Loopback() {}

  private static InetAddress ipv4() {
    try {
      return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4-byte address is always valid", e);
    }
  }
}
