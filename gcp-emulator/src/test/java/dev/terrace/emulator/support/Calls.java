package dev.terrace.emulator.support;

import java.util.concurrent.ExecutionException;

/** Runs a call that must fail and returns its exception, unwrapped from futures. */
public final class Calls {
  private Calls() {}

  /** A call that may throw anything. */
  public interface ThrowingCall {
    void run() throws Exception;
  }

  public static Throwable failureOf(ThrowingCall call) {
    try {
      call.run();
    } catch (ExecutionException e) {
      return e.getCause() != null ? e.getCause() : e;
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("expected the call to fail, but it succeeded");
  }
}
