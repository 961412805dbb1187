package dev.terrace.gcp.ports;

import com.google.cloud.logging.v2.LoggingClient;
import com.google.logging.type.HttpRequest;
import com.google.logging.v2.ListLogEntriesRequest;
import com.google.protobuf.util.JsonFormat;
import dev.terrace.core.port.LogEntry;
import dev.terrace.core.port.LogQuery;
import dev.terrace.core.port.LogSource;
import dev.terrace.gcp.error.ErrorTranslator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Log entries of the project through Cloud Logging's entries.list, newest first. */
public final class GcpLogs implements LogSource {

    /** The largest page Cloud Logging returns in one call. */
    private static final int MAX_PAGE_SIZE = 1000;

    private final LoggingClient client;
    private final String project;

    public GcpLogs(LoggingClient client, String project) {
        this.client = client;
        this.project = project;
    }

    @Override
    public List<LogEntry> entries(LogQuery query) {
        int limit = query.limit() <= 0 ? MAX_PAGE_SIZE : query.limit();
        ListLogEntriesRequest request = ListLogEntriesRequest.newBuilder()
                .addResourceNames("projects/" + project)
                .setFilter(filter(query))
                .setOrderBy("timestamp desc")
                .setPageSize(Math.min(limit, MAX_PAGE_SIZE))
                .build();
        List<LogEntry> entries = new ArrayList<>();
        try {
            for (com.google.logging.v2.LogEntry entry : client.listLogEntries(request).iterateAll()) {
                entries.add(entry(entry));
                if (entries.size() >= limit) {
                    break;
                }
            }
        } catch (RuntimeException failed) {
            throw ErrorTranslator.translate("list log entries of project " + project, failed);
        }
        return entries;
    }

    static String filter(LogQuery query) {
        List<String> parts = new ArrayList<>();
        if (query.filter() != null && !query.filter().isBlank()) {
            // Brackets keep an OR inside the user's filter from binding to the time term below.
            boolean hasOr = query.filter().contains(" OR ");
            parts.add(hasOr ? "(" + query.filter() + ")" : query.filter());
        }
        if (query.since() != null) {
            parts.add("timestamp >= \"" + query.since() + "\"");
        }
        return String.join(" AND ", parts);
    }

    private static LogEntry entry(com.google.logging.v2.LogEntry entry) {
        Map<String, String> labels = new TreeMap<>(entry.getResource().getLabelsMap());
        labels.putAll(entry.getLabelsMap());
        Instant timestamp = Instant.ofEpochSecond(entry.getTimestamp().getSeconds(), entry.getTimestamp().getNanos());
        return new LogEntry(timestamp, entry.getSeverity().name(), entry.getResource().getType(), labels, text(entry));
    }

    private static String text(com.google.logging.v2.LogEntry entry) {
        if (entry.hasTextPayload() || entry.getTextPayload().length() > 0) {
            return entry.getTextPayload();
        }
        try {
            if (entry.hasJsonPayload()) {
                var message = entry.getJsonPayload().getFieldsMap().get("message");
                return message != null ? message.getStringValue() : JsonFormat.printer().print(entry.getJsonPayload());
            }
            if (entry.hasProtoPayload()) {
                return entry.getProtoPayload().getTypeUrl();
            }
        } catch (com.google.protobuf.InvalidProtocolBufferException unprintable) {
            return "(unprintable payload)";
        }
        return entry.hasHttpRequest() ? request(entry.getHttpRequest()) : "";
    }

    /**
     * Describes a request log entry, which has no payload, as {@code GET /path 200 12 ms}. Cloud
     * Run writes one such entry per request to a service.
     */
    private static String request(HttpRequest request) {
        String path = request.getRequestUrl();
        try {
            String rawPath = java.net.URI.create(path).getRawPath();
            if (rawPath != null && !rawPath.isEmpty()) {
                path = rawPath;
            }
        } catch (IllegalArgumentException notAUri) {
            // Keep the URL as Cloud Logging returned it.
        }
        StringBuilder text = new StringBuilder(request.getRequestMethod()).append(' ').append(path)
                .append(' ').append(request.getStatus());
        if (request.hasLatency()) {
            long millis = request.getLatency().getSeconds() * 1000 + request.getLatency().getNanos() / 1_000_000;
            text.append(' ').append(millis).append(" ms");
        }
        return text.toString();
    }
}
