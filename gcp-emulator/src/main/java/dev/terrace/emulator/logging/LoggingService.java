package dev.terrace.emulator.logging;

import static dev.terrace.emulator.Rpc.respond;

import com.google.logging.v2.DeleteLogRequest;
import com.google.logging.v2.ListLogEntriesRequest;
import com.google.logging.v2.ListLogEntriesResponse;
import com.google.logging.v2.ListLogsRequest;
import com.google.logging.v2.ListLogsResponse;
import com.google.logging.v2.LogEntry;
import com.google.logging.v2.LoggingServiceV2Grpc;
import com.google.logging.v2.TailLogEntriesRequest;
import com.google.logging.v2.TailLogEntriesResponse;
import com.google.logging.v2.WriteLogEntriesRequest;
import com.google.logging.v2.WriteLogEntriesResponse;
import com.google.protobuf.Empty;
import dev.terrace.emulator.Apis;
import dev.terrace.emulator.GrpcErrors;
import dev.terrace.emulator.Pages;
import dev.terrace.emulator.World;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** {@code google.logging.v2.LoggingServiceV2}: write, list and tail the project's entries. */
public final class LoggingService extends LoggingServiceV2Grpc.LoggingServiceV2ImplBase {
  private final World world;
  private final LogStore store;

  public LoggingService(World world) {
    this.world = world;
    this.store = world.logs();
  }

  @Override
  public void writeLogEntries(WriteLogEntriesRequest request, StreamObserver<WriteLogEntriesResponse> response) {
    for (LogEntry entry : request.getEntriesList()) {
      LogEntry.Builder merged = entry.toBuilder();
      if (merged.getLogName().isEmpty()) {
        merged.setLogName(request.getLogName());
      }
      if (!merged.hasResource() && request.hasResource()) {
        merged.setResource(request.getResource());
      }
      request.getLabelsMap().forEach((key, value) -> {
        if (!merged.getLabelsMap().containsKey(key)) {
          merged.putLabels(key, value);
        }
      });
      if (merged.getLogName().isEmpty()) {
        throw GrpcErrors.invalidArgument("log_name is required on the request or on each entry.");
      }
      requireThisProject(merged.getLogName().substring(0, Math.max(0, merged.getLogName().indexOf("/logs/"))));
      store.write(merged.build());
    }
    respond(response, WriteLogEntriesResponse.getDefaultInstance());
  }

  @Override
  public void listLogEntries(ListLogEntriesRequest request, StreamObserver<ListLogEntriesResponse> response) {
    request.getResourceNamesList().forEach(this::requireThisProject);
    Predicate<LogEntry> filter = LogFilter.parse(request.getFilter());
    List<LogEntry> found = new ArrayList<>(store.entries().stream().filter(filter).toList());
    String order = request.getOrderBy().trim().toLowerCase(java.util.Locale.ROOT);
    if (order.equals("timestamp desc")) {
      java.util.Collections.reverse(found);
    } else if (!order.isEmpty() && !order.equals("timestamp asc") && !order.equals("timestamp")) {
      throw GrpcErrors.invalidArgument("order_by must be 'timestamp asc' or 'timestamp desc', got '" + request.getOrderBy() + "'.");
    }
    Pages.Page<LogEntry> page = Pages.page(found, request.getPageSize(), request.getPageToken(), 50, 1000);
    respond(response, ListLogEntriesResponse.newBuilder().addAllEntries(page.items()).setNextPageToken(page.nextPageToken()).build());
  }

  @Override
  public void listLogs(ListLogsRequest request, StreamObserver<ListLogsResponse> response) {
    requireThisProject(request.getParent());
    TreeSet<String> names = new TreeSet<>();
    store.entries().forEach(e -> names.add(e.getLogName()));
    Pages.Page<String> page = Pages.page(new ArrayList<>(names), request.getPageSize(), request.getPageToken(), 100, 1000);
    respond(response, ListLogsResponse.newBuilder().addAllLogNames(page.items()).setNextPageToken(page.nextPageToken()).build());
  }

  @Override
  public void deleteLog(DeleteLogRequest request, StreamObserver<Empty> response) {
    throw GrpcErrors.unimplemented("google.logging.v2.LoggingServiceV2/DeleteLog");
  }

  /**
   * Streams entries written after the first request arrives that match its filter. Each written
   * entry goes out in its own response; the stream ends when the client closes it.
   */
  @Override
  public StreamObserver<TailLogEntriesRequest> tailLogEntries(StreamObserver<TailLogEntriesResponse> response) {
    ServerCallStreamObserver<TailLogEntriesResponse> stream = (ServerCallStreamObserver<TailLogEntriesResponse>) response;
    TailSubscription subscription = new TailSubscription(stream);
    // gRPC accepts a cancel handler only before this method returns.
    stream.setOnCancelHandler(subscription::stop);
    return subscription;
  }

  /** One tail stream: subscribes on the first request, unsubscribes when the stream ends. */
  private final class TailSubscription implements StreamObserver<TailLogEntriesRequest> {
    private final ServerCallStreamObserver<TailLogEntriesResponse> stream;
    private volatile Consumer<LogEntry> subscriber;

    TailSubscription(ServerCallStreamObserver<TailLogEntriesResponse> stream) {
      this.stream = stream;
    }

    @Override
    public void onNext(TailLogEntriesRequest request) {
      if (subscriber != null) {
        return;
      }
      request.getResourceNamesList().forEach(LoggingService.this::requireThisProject);
      Predicate<LogEntry> filter = LogFilter.parse(request.getFilter());
      subscriber = entry -> {
        if (filter.test(entry)) {
          synchronized (stream) {
            if (!stream.isCancelled()) {
              stream.onNext(TailLogEntriesResponse.newBuilder().addEntries(entry).build());
            }
          }
        }
      };
      store.subscribe(subscriber);
    }

    @Override
    public void onError(Throwable error) {
      stop();
    }

    @Override
    public void onCompleted() {
      stop();
      synchronized (stream) {
        stream.onCompleted();
      }
    }

    void stop() {
      Consumer<LogEntry> current = subscriber;
      if (current != null) {
        store.unsubscribe(current);
      }
    }
  }

  private void requireThisProject(String resourceName) {
    if (!world.project().isThisProject(resourceName)) {
      throw GrpcErrors.permissionDenied(Apis.LOGGING, "logging.logEntries.list", resourceName);
    }
  }
}
