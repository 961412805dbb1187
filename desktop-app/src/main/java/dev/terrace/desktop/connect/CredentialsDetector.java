package dev.terrace.desktop.connect;

import dev.terrace.gcp.connection.AdcLocator;
import dev.terrace.gcp.connection.AdcSource;
import dev.terrace.gcp.connection.Principal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the credentials the connect dialog would use, from the environment and files only. It
 * reads a credentials file's public fields and never loads a key, asks for a token or probes the
 * metadata server, so it is safe on the UI's background thread and in tests.
 */
public final class CredentialsDetector {

    private final AdcLocator locator;

    public CredentialsDetector(AdcLocator locator) {
        this.locator = locator;
    }

    public CredentialsReport detect() {
        AdcLocator.Location location = locator.locate();
        Principal principal = Principal.describe(location, null, null);
        Optional<Path> file = location.file();
        if (file.isEmpty()) {
            return new CredentialsReport(CredentialsKind.NONE, location.source(), file, principal,
                    Optional.of(CredentialsProblem.NO_FILE));
        }
        Optional<CredentialsProblem> problem = Optional.empty();
        if (!Files.isRegularFile(file.get())) {
            problem = Optional.of(CredentialsProblem.FILE_MISSING);
        } else if ("unknown".equals(principal.type())) {
            problem = Optional.of(CredentialsProblem.FILE_UNREADABLE);
        }
        return new CredentialsReport(kindOf(location.source(), principal.type()), location.source(), file, principal,
                problem);
    }

    private static CredentialsKind kindOf(AdcSource source, String type) {
        switch (type) {
            case "service_account":
                return CredentialsKind.KEY_FILE;
            case "external_account":
                return CredentialsKind.FEDERATION_FILE;
            case "authorized_user":
                return CredentialsKind.GCLOUD_USER;
            default:
                return source == AdcSource.METADATA_SERVER ? CredentialsKind.NONE : CredentialsKind.OTHER_FILE;
        }
    }
}
