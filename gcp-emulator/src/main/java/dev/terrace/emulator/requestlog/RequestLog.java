package dev.terrace.emulator.requestlog;

import dev.terrace.emulator.fault.FaultRule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/** The most recent calls served, oldest first, for tests and for a sandbox's activity view. */
public final class RequestLog {
  private static final int CAPACITY = 10_000;

  private final Deque<RequestRecord> records = new ArrayDeque<>();

  public synchronized void add(RequestRecord record) {
    records.addLast(record);
    if (records.size() > CAPACITY) {
      records.removeFirst();
    }
  }

  /** Returns every record kept, oldest first. */
  public synchronized List<RequestRecord> records() {
    return new ArrayList<>(records);
  }

  /** Returns the records whose method matches the glob (same syntax as fault targets). */
  public List<RequestRecord> records(String methodGlob) {
    FaultRule matcher = FaultRule.on(methodGlob).build();
    return filter(record -> matcher.matches(record.method()));
  }

  public synchronized List<RequestRecord> filter(Predicate<RequestRecord> condition) {
    List<RequestRecord> found = new ArrayList<>();
    for (RequestRecord record : records) {
      if (condition.test(record)) {
        found.add(record);
      }
    }
    return found;
  }

  public synchronized void clear() {
    records.clear();
  }
}
