package dev.terrace.core.port;

import java.util.List;

/** Log entries of the stack's services and jobs. */
public interface LogSource {

    List<LogEntry> entries(LogQuery query);
}
