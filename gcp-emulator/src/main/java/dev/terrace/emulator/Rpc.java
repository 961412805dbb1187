package dev.terrace.emulator;

import io.grpc.stub.StreamObserver;

/** Small helpers for unary service methods. */
public final class Rpc {
  private Rpc() {}

  /** Sends the one response of a unary call. */
  public static <T> void respond(StreamObserver<T> observer, T value) {
    observer.onNext(value);
    observer.onCompleted();
  }
}
