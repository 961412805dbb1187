package dev.terrace.emulator.support;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import dev.terrace.emulator.Emulator;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Optional;

/**
 * Points the official clients at an emulator exactly as the adapter will: the emulator's endpoint,
 * no credentials and a plaintext channel.
 */
public final class Clients {
  private Clients() {}

  public static TransportChannelProvider channel(Emulator emulator) {
    return InstantiatingGrpcChannelProvider.newBuilder()
        .setEndpoint(emulator.endpoints().grpcTarget())
        .setChannelConfigurator(ManagedChannelBuilder::usePlaintext)
        .build();
  }

  public static CredentialsProvider noCredentials() {
    return NoCredentialsProvider.create();
  }

  public static Storage storage(Emulator emulator) {
    return StorageOptions.newBuilder()
        .setHost(emulator.endpoints().storageHost())
        .setProjectId(emulator.config().projectId())
        .setCredentials(NoCredentials.getInstance())
        .build()
        .getService();
  }

  /** Returns the gRPC status of a client exception (the gax ApiException or its cause). */
  public static Status statusOf(Throwable error) {
    return Status.fromThrowable(error);
  }

  /** Returns the ErrorInfo packed in the status details of a client exception. */
  public static Optional<ErrorInfo> errorInfo(Throwable error) {
    return detail(error, ErrorInfo.class);
  }

  public static Optional<RetryInfo> retryInfo(Throwable error) {
    return detail(error, RetryInfo.class);
  }

  public static <T extends com.google.protobuf.Message> Optional<T> detail(Throwable error, Class<T> type) {
    Throwable cause = error;
    while (cause != null && !(cause instanceof StatusRuntimeException)) {
      cause = cause.getCause();
    }
    if (cause == null) {
      return Optional.empty();
    }
    com.google.rpc.Status status = StatusProto.fromThrowable(cause);
    if (status == null) {
      return Optional.empty();
    }
    for (com.google.protobuf.Any any : status.getDetailsList()) {
      if (any.is(type)) {
        try {
          return Optional.of(any.unpack(type));
        } catch (InvalidProtocolBufferException e) {
          throw new AssertionError("cannot unpack " + type.getSimpleName(), e);
        }
      }
    }
    return Optional.empty();
  }
}
