package dev.terrace.desktop.connect;

import dev.terrace.gcp.connection.AdcSource;
import dev.terrace.gcp.connection.Principal;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The credentials Application Default Credentials would load, found from files alone.
 *
 * @param source where ADC looked: the environment variable, gcloud's file or the metadata server
 * @param file the credentials file, empty when there is none
 * @param principal the identity the file names, without impersonation or a chosen quota project
 * @param problem what stops these credentials from working, or empty when nothing is known to
 */
public record CredentialsReport(CredentialsKind kind, AdcSource source, Optional<Path> file, Principal principal,
        Optional<CredentialsProblem> problem) {

    /** Returns whether a connect attempt may work; a file problem blocks it. */
    public boolean usable() {
        return problem.isEmpty() || problem.get() == CredentialsProblem.NO_FILE;
    }
}
