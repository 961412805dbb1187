package dev.terrace.desktop.connect;

import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import java.util.Objects;

/**
 * The reason a connection failed, sorted into the cases the dialog explains with their fix. The detail is
 * the adapter's translated message, which names the call and never a secret.
 */
public final class ConnectFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The cases the dialog distinguishes. */
    public enum Kind {
        /** Application Default Credentials could not be loaded at all. */
        NO_CREDENTIALS,
        /** The principal may not impersonate the service account. */
        IMPERSONATION_REFUSED,
        /** The principal, or the account it acts as, lacks a permission on the project. */
        PERMISSION_DENIED,
        /** An API the call needs is disabled in the project or in the quota project. */
        API_DISABLED,
        /** Google could not be reached, or the call timed out. */
        UNREACHABLE,
        /** Anything else, which the detail describes. */
        OTHER
    }

    private final Kind kind;

    public ConnectFailure(Kind kind, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    /** Sorts a failure of loading the credentials, before any call was made. */
    public static ConnectFailure loading(CloudException failed) {
        return new ConnectFailure(Kind.NO_CREDENTIALS, failed.getMessage(), failed);
    }

    /**
     * Sorts a failed call. Google rejects an impersonation the principal may not make with a
     * permission error from the token request, so with impersonation on, a permission error
     * counts as a refused impersonation.
     */
    public static ConnectFailure calling(CloudException failed, boolean impersonating) {
        ErrorCategory category = failed.category();
        Kind kind;
        if (category == ErrorCategory.PERMISSION_DENIED) {
            kind = impersonating ? Kind.IMPERSONATION_REFUSED : Kind.PERMISSION_DENIED;
        } else if (category == ErrorCategory.API_DISABLED) {
            kind = Kind.API_DISABLED;
        } else if (category == ErrorCategory.UNAVAILABLE || category == ErrorCategory.DEADLINE) {
            kind = Kind.UNREACHABLE;
        } else {
            kind = Kind.OTHER;
        }
        return new ConnectFailure(kind, failed.getMessage(), failed);
    }
}
