package dev.terrace.gcp.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.ApiExceptionFactory;
import com.google.api.gax.rpc.ErrorDetails;
import com.google.cloud.storage.StorageException;
import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RetryInfo;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ErrorTranslatorTest {

    private static final ErrorInfo SERVICE_DISABLED = ErrorInfo.newBuilder().setReason("SERVICE_DISABLED")
            .setDomain("googleapis.com").putMetadata("service", "run.googleapis.com")
            .putMetadata("consumer", "projects/123").build();
    private static final RetryInfo RETRY_IN_7S = RetryInfo.newBuilder()
            .setRetryDelay(com.google.protobuf.Duration.newBuilder().setSeconds(7)).build();
    private static final QuotaFailure QUOTA = QuotaFailure.newBuilder().addViolations(QuotaFailure.Violation
            .newBuilder().setSubject("project:123").setDescription("write requests per minute exceeded")).build();

    @Test
    void serviceDisabledIsApiDisabled() {
        StatusRuntimeException error = grpc(Status.Code.PERMISSION_DENIED, "Cloud Run Admin API has not been used",
                SERVICE_DISABLED);

        CloudException translated = ErrorTranslator.translate("read service web", error);

        assertThat(translated.category()).isEqualTo(ErrorCategory.API_DISABLED);
        assertThat(translated.retryable()).isFalse();
        assertThat(translated.getMessage()).contains("read service web").contains("Enable run.googleapis.com");
    }

    @Test
    void permissionDeniedWithoutReasonStaysPermissionDenied() {
        CloudException translated = ErrorTranslator.translate("read secret X",
                grpc(Status.Code.PERMISSION_DENIED, "caller lacks secretmanager.secrets.get"));

        assertThat(translated.category()).isEqualTo(ErrorCategory.PERMISSION_DENIED);
    }

    @Test
    void quotaCarriesRetryDelayAndViolation() {
        ApiException error = api(Status.Code.RESOURCE_EXHAUSTED, "Quota exceeded",
                ErrorInfo.newBuilder().setReason("RATE_LIMIT_EXCEEDED").build(), RETRY_IN_7S, QUOTA);

        CloudException translated = ErrorTranslator.translate("create queue q", error);

        assertThat(translated.category()).isEqualTo(ErrorCategory.QUOTA);
        assertThat(translated.retryable()).isTrue();
        assertThat(translated.retryDelay()).contains(Duration.ofSeconds(7));
        assertThat(translated.getMessage()).contains("write requests per minute exceeded");
    }

    @Test
    void abortedIsRetryableConflictWithPrecondition() {
        PreconditionFailure precondition = PreconditionFailure.newBuilder().addViolations(PreconditionFailure
                .Violation.newBuilder().setType("ETAG").setSubject("policy").setDescription("stale etag")).build();

        CloudException translated = ErrorTranslator.translate("set project policy",
                api(Status.Code.ABORTED, "There were concurrent policy changes", precondition));

        assertThat(translated.category()).isEqualTo(ErrorCategory.CONFLICT);
        assertThat(translated.retryable()).isTrue();
        assertThat(translated.getMessage()).contains("stale etag");
    }

    @Test
    void executionExceptionIsUnwrapped() {
        ExecutionException wrapped = new ExecutionException(api(Status.Code.NOT_FOUND, "Secret [X] not found"));

        CloudException translated = ErrorTranslator.translate("read secret X", wrapped);

        assertThat(translated.category()).isEqualTo(ErrorCategory.NOT_FOUND);
        assertThat(translated.getMessage()).contains("Secret [X] not found");
    }

    @Test
    void grpcCodesFollowTheTable() {
        assertThat(category(Status.Code.ALREADY_EXISTS)).isEqualTo(ErrorCategory.ALREADY_EXISTS);
        assertThat(category(Status.Code.INVALID_ARGUMENT)).isEqualTo(ErrorCategory.INVALID_ARGUMENT);
        assertThat(category(Status.Code.FAILED_PRECONDITION)).isEqualTo(ErrorCategory.FAILED_PRECONDITION);
        assertThat(category(Status.Code.UNAVAILABLE)).isEqualTo(ErrorCategory.UNAVAILABLE);
        assertThat(category(Status.Code.DEADLINE_EXCEEDED)).isEqualTo(ErrorCategory.DEADLINE);
        assertThat(category(Status.Code.UNAUTHENTICATED)).isEqualTo(ErrorCategory.PERMISSION_DENIED);
    }

    @Test
    void unmappedCodeIsUnknownAndNotRetried() {
        CloudException translated = ErrorTranslator.translate("read job j", grpc(Status.Code.DATA_LOSS, "lost"));

        assertThat(translated.category()).isEqualTo(ErrorCategory.UNKNOWN);
        assertThat(translated.retryable()).isFalse();
    }

    @Test
    void failedOperationStatusIsTranslated() {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.FAILED_PRECONDITION.value()).setMessage("Image not found").build();

        CloudException translated = ErrorTranslator.fromStatus("create service web", status, "operations/op-1");

        assertThat(translated.category()).isEqualTo(ErrorCategory.FAILED_PRECONDITION);
        assertThat(translated.getMessage()).contains("Image not found").contains("operations/op-1");
    }

    @Test
    void storageConflictIsAlreadyExists() {
        CloudException translated = ErrorTranslator.translate("create bucket b",
                new StorageException(409, "The requested bucket name is not available."));

        assertThat(translated.category()).isEqualTo(ErrorCategory.ALREADY_EXISTS);
    }

    @Test
    void storageAccessNotConfiguredIsApiDisabled() {
        CloudException translated = ErrorTranslator.translate("read bucket b",
                new StorageException(403, "Cloud Storage JSON API has not been used", "accessNotConfigured", null));

        assertThat(translated.category()).isEqualTo(ErrorCategory.API_DISABLED);
    }

    @Test
    void storageStaleEtagIsConflict() {
        CloudException translated = ErrorTranslator.translate("set bucket policy",
                new StorageException(412, "Precondition Failed"));

        assertThat(translated.category()).isEqualTo(ErrorCategory.CONFLICT);
        assertThat(translated.retryable()).isTrue();
    }

    private static ErrorCategory category(Status.Code code) {
        return ErrorTranslator.translate("call", grpc(code, "message")).category();
    }

    private static StatusRuntimeException grpc(Status.Code code, String message, com.google.protobuf.Message... details) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder().setCode(code.value())
                .setMessage(message);
        for (com.google.protobuf.Message detail : details) {
            status.addDetails(Any.pack(detail));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    private static ApiException api(Status.Code code, String message, com.google.protobuf.Message... details) {
        StatusRuntimeException cause = grpc(code, message, details);
        List<Any> packed = java.util.Arrays.stream(details).map(Any::pack).toList();
        ErrorDetails errorDetails = ErrorDetails.builder().setRawErrorMessages(packed).build();
        return ApiExceptionFactory.createException(cause, GrpcStatusCode.of(code), false, errorDetails);
    }
}
