package dev.terrace.gcp.error;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.ErrorDetails;
import com.google.cloud.BaseServiceException;
import com.google.common.util.concurrent.UncheckedExecutionException;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RetryInfo;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Turns every error a Google client raises into the one core {@link CloudException}: gRPC
 * statuses (gax {@link ApiException}, {@link StatusRuntimeException}, a failed long-running
 * operation's {@code google.rpc.Status}), HTTP errors of the Storage JSON API, and their
 * structured details. {@link ExecutionException} and its relatives are unwrapped first.
 */
public final class ErrorTranslator {

    /** gRPC status codes by name, as both gax and io.grpc spell them. */
    static final Map<String, ErrorCategory> GRPC_CODES = Map.ofEntries(
            Map.entry("INVALID_ARGUMENT", ErrorCategory.INVALID_ARGUMENT),
            Map.entry("OUT_OF_RANGE", ErrorCategory.INVALID_ARGUMENT),
            Map.entry("NOT_FOUND", ErrorCategory.NOT_FOUND),
            Map.entry("ALREADY_EXISTS", ErrorCategory.ALREADY_EXISTS),
            Map.entry("PERMISSION_DENIED", ErrorCategory.PERMISSION_DENIED),
            // An expired or missing token: the user must log in again, which a retry cannot do.
            Map.entry("UNAUTHENTICATED", ErrorCategory.PERMISSION_DENIED),
            Map.entry("FAILED_PRECONDITION", ErrorCategory.FAILED_PRECONDITION),
            // IAM and Cloud Run raise ABORTED for a stale etag or a concurrent change.
            Map.entry("ABORTED", ErrorCategory.CONFLICT),
            Map.entry("RESOURCE_EXHAUSTED", ErrorCategory.QUOTA),
            Map.entry("UNAVAILABLE", ErrorCategory.UNAVAILABLE),
            // A client-side cancel is most often a dropped connection; calling again is safe.
            Map.entry("CANCELLED", ErrorCategory.UNAVAILABLE),
            Map.entry("DEADLINE_EXCEEDED", ErrorCategory.DEADLINE));

    /** HTTP statuses of the JSON APIs (Cloud Storage). */
    static final Map<Integer, ErrorCategory> HTTP_CODES = Map.ofEntries(
            Map.entry(400, ErrorCategory.INVALID_ARGUMENT),
            Map.entry(401, ErrorCategory.PERMISSION_DENIED),
            Map.entry(403, ErrorCategory.PERMISSION_DENIED),
            Map.entry(404, ErrorCategory.NOT_FOUND),
            // Storage returns 409 when a bucket name is already in use, by us or by someone else.
            Map.entry(409, ErrorCategory.ALREADY_EXISTS),
            // Storage returns 412 when an IAM policy's etag or a metageneration is stale.
            Map.entry(412, ErrorCategory.CONFLICT),
            Map.entry(429, ErrorCategory.QUOTA),
            Map.entry(500, ErrorCategory.UNAVAILABLE),
            Map.entry(502, ErrorCategory.UNAVAILABLE),
            Map.entry(503, ErrorCategory.UNAVAILABLE),
            Map.entry(504, ErrorCategory.DEADLINE));

    /**
     * ErrorInfo reasons (gRPC) and {@code errors[].reason} values (JSON APIs) that decide the
     * category over the status code: Google reports a disabled API as PERMISSION_DENIED.
     */
    static final Map<String, ErrorCategory> REASONS = Map.ofEntries(
            Map.entry("SERVICE_DISABLED", ErrorCategory.API_DISABLED),
            Map.entry("accessNotConfigured", ErrorCategory.API_DISABLED),
            Map.entry("RATE_LIMIT_EXCEEDED", ErrorCategory.QUOTA),
            Map.entry("RESOURCE_EXHAUSTED", ErrorCategory.QUOTA),
            Map.entry("rateLimitExceeded", ErrorCategory.QUOTA),
            Map.entry("userRateLimitExceeded", ErrorCategory.QUOTA));

    private ErrorTranslator() {
    }

    /**
     * Translates a client error.
     *
     * @param action what was attempted, naming the object, such as "create secret DATABASE_URL"
     */
    public static CloudException translate(String action, Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof CloudException already) {
            return already;
        }
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new CloudException(ErrorCategory.DEADLINE, action + " was interrupted before it finished.",
                    true, null, null, cause);
        }
        if (cause instanceof ApiException api) {
            return fromGrpc(action, api.getStatusCode().getCode().name(), messageOf(api), details(api), cause);
        }
        if (cause instanceof StatusRuntimeException || cause instanceof StatusException) {
            Status status = Status.fromThrowable(cause);
            return fromGrpc(action, status.getCode().name(), status.getDescription(),
                    details(StatusProto.fromThrowable(cause)), cause);
        }
        if (cause instanceof GoogleJsonResponseException json) {
            GoogleJsonError body = json.getDetails();
            String reason = body == null || body.getErrors() == null || body.getErrors().isEmpty() ? null
                    : body.getErrors().get(0).getReason();
            return fromHttp(action, json.getStatusCode(), reason, body == null ? json.getStatusMessage()
                    : body.getMessage(), cause);
        }
        if (cause instanceof BaseServiceException service) {
            return fromHttp(action, service.getCode(), service.getReason(), service.getMessage(), cause);
        }
        // Default: an error that no table maps is a bug or a new failure mode, so UNKNOWN is never retried.
        return new CloudException(ErrorCategory.UNKNOWN, action + " failed: " + cause, false, null, null, cause);
    }

    /** Runs one client call and translates whatever it raises. */
    public static <T> T call(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException failed) {
            throw translate(action, failed);
        }
    }

    /** Translates the error of a long-running operation that finished with one. */
    public static CloudException fromStatus(String action, com.google.rpc.Status status, String operationName) {
        Status.Code code = Status.fromCodeValue(status.getCode()).getCode();
        CloudException translated = fromGrpc(action, code.name(), status.getMessage(), details(status), null);
        return new CloudException(translated.category(), translated.getMessage() + " (operation " + operationName
                + ")", translated.retryable(), translated.retryDelay().orElse(null), null, null);
    }

    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException
                || cause instanceof UncheckedExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static CloudException fromGrpc(String action, String code, String message, Details details,
            Throwable cause) {
        ErrorCategory category = details.reason() != null && REASONS.containsKey(details.reason())
                ? REASONS.get(details.reason())
                : GRPC_CODES.getOrDefault(code, ErrorCategory.UNKNOWN);
        return build(action, category, code + ": " + (message == null ? "(no message)" : message), details, cause);
    }

    private static CloudException fromHttp(String action, int httpStatus, String reason, String message,
            Throwable cause) {
        ErrorCategory category = reason != null && REASONS.containsKey(reason) ? REASONS.get(reason)
                : HTTP_CODES.getOrDefault(httpStatus, ErrorCategory.UNKNOWN);
        Details details = new Details(reason, null, null, null, null);
        return build(action, category, "HTTP " + httpStatus + ": " + (message == null ? "(no message)" : message),
                details, cause);
    }

    private static CloudException build(String action, ErrorCategory category, String serverMessage,
            Details details, Throwable cause) {
        StringBuilder message = new StringBuilder(action).append(" failed: ").append(serverMessage);
        if (details.quotaViolations() != null) {
            message.append(" Quota: ").append(details.quotaViolations()).append('.');
        }
        if (details.preconditionViolations() != null) {
            message.append(" Precondition: ").append(details.preconditionViolations()).append('.');
        }
        if (category == ErrorCategory.API_DISABLED) {
            message.append(" Enable ").append(details.service() == null ? "the API" : details.service())
                    .append(" on the project, then wait a few minutes for it to take effect.");
        }
        return new CloudException(category, message.toString(), category.retryableByDefault(),
                details.retryDelay(), null, cause);
    }

    private static Details details(ApiException api) {
        ErrorDetails details = api.getErrorDetails();
        if (details == null) {
            return new Details(api.getReason(), null, null, null, null);
        }
        return details(details.getErrorInfo(), details.getRetryInfo(), details.getQuotaFailure(),
                details.getPreconditionFailure());
    }

    static Details details(com.google.rpc.Status status) {
        if (status == null) {
            return new Details(null, null, null, null, null);
        }
        ErrorInfo info = null;
        RetryInfo retry = null;
        QuotaFailure quota = null;
        PreconditionFailure precondition = null;
        for (Any any : status.getDetailsList()) {
            try {
                if (any.is(ErrorInfo.class)) {
                    info = any.unpack(ErrorInfo.class);
                } else if (any.is(RetryInfo.class)) {
                    retry = any.unpack(RetryInfo.class);
                } else if (any.is(QuotaFailure.class)) {
                    quota = any.unpack(QuotaFailure.class);
                } else if (any.is(PreconditionFailure.class)) {
                    precondition = any.unpack(PreconditionFailure.class);
                }
            } catch (InvalidProtocolBufferException malformed) {
                // A detail that does not parse adds nothing; the status code still decides.
            }
        }
        return details(info, retry, quota, precondition);
    }

    private static Details details(ErrorInfo info, RetryInfo retry, QuotaFailure quota,
            PreconditionFailure precondition) {
        String reason = info == null || info.getReason().isEmpty() ? null : info.getReason();
        String service = info == null ? null : info.getMetadataMap().get("service");
        Duration delay = retry == null || !retry.hasRetryDelay() ? null
                : Duration.ofSeconds(retry.getRetryDelay().getSeconds(), retry.getRetryDelay().getNanos());
        String quotaText = quota == null || quota.getViolationsCount() == 0 ? null
                : String.join("; ", quota.getViolationsList().stream()
                        .map(violation -> violation.getSubject() + " " + violation.getDescription()).toList());
        String preconditionText = precondition == null || precondition.getViolationsCount() == 0 ? null
                : String.join("; ", precondition.getViolationsList().stream()
                        .map(violation -> violation.getType() + " " + violation.getSubject() + " "
                                + violation.getDescription()).toList());
        return new Details(reason, service, delay, quotaText, preconditionText);
    }

    private static String messageOf(ApiException api) {
        Status status = Status.fromThrowable(api);
        if (status.getDescription() != null) {
            return status.getDescription();
        }
        return api.getMessage();
    }

    /** The structured details of one error that the translation uses. */
    record Details(String reason, String service, Duration retryDelay, String quotaViolations,
            String preconditionViolations) {
    }
}
