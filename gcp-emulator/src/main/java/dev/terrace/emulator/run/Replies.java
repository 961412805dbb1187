package dev.terrace.emulator.run;

import io.grpc.stub.StreamObserver;

/** Sends the single response of a unary call. Errors are thrown, and the framework sends them. */
public final class Replies {

  private Replies() {
  }

  public static <T> void send(StreamObserver<T> response, T message) {
    response.onNext(message);
    response.onCompleted();
  }
}
