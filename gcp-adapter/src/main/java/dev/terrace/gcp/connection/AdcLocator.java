package dev.terrace.gcp.connection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the credentials file Application Default Credentials would load, without loading it, so
 * that Terrace can report which principal it acts as. It follows the order google-auth-library uses:
 * {@code GOOGLE_APPLICATION_CREDENTIALS}, then gcloud's well-known file, then the metadata server.
 *
 * @param environment the process environment (a fake one in tests)
 * @param userHome the user's home folder
 * @param windows whether gcloud keeps its configuration under {@code %APPDATA%}
 */
public record AdcLocator(Map<String, String> environment, Path userHome, boolean windows) {

    static final String CREDENTIALS_VARIABLE = "GOOGLE_APPLICATION_CREDENTIALS";
    static final String WELL_KNOWN_FILE = "application_default_credentials.json";

    public AdcLocator {
        environment = Map.copyOf(environment);
    }

    /** Returns a locator over this process's environment and home folder. */
    public static AdcLocator ofSystem() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("windows");
        return new AdcLocator(System.getenv(), Path.of(System.getProperty("user.home", ".")), windows);
    }

    /** Returns the source ADC would use and the file it would read, if any. */
    public Location locate() {
        String named = environment.get(CREDENTIALS_VARIABLE);
        if (named != null && !named.isBlank()) {
            return new Location(AdcSource.ENVIRONMENT_FILE, Optional.of(Path.of(named)));
        }
        Path wellKnown = gcloudConfigFolder().resolve(WELL_KNOWN_FILE);
        if (Files.isRegularFile(wellKnown)) {
            return new Location(AdcSource.GCLOUD_FILE, Optional.of(wellKnown));
        }
        return new Location(AdcSource.METADATA_SERVER, Optional.empty());
    }

    private Path gcloudConfigFolder() {
        String override = environment.get("CLOUDSDK_CONFIG");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        if (windows) {
            String appData = environment.get("APPDATA");
            return Path.of(appData == null ? userHome.toString() : appData).resolve("gcloud");
        }
        return userHome.resolve(".config").resolve("gcloud");
    }

    /** The source ADC would use and the file it would read (empty for the metadata server). */
    public record Location(AdcSource source, Optional<Path> file) {
    }
}
