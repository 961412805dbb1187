package dev.terrace.desktop.status;

import dev.terrace.core.model.Resource;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.core.port.ResourceStatus.Health;
import dev.terrace.core.port.SecretVersion;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.desktop.Texts;
import dev.terrace.session.Workspace;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the status of one resource, blocking. A secret's status also counts its versions. A read
 * that fails returns an UNKNOWN status with the reason as its summary instead of raising, so one
 * unreadable resource never hides the others.
 */
final class StatusReader {

    private static final Logger LOG = LoggerFactory.getLogger(StatusReader.class);

    private StatusReader() {
    }

    static ResourceStatus read(Workspace open, Resource resource) {
        try {
            ResourceStatus status = open.status(resource);
            if (resource.spec() instanceof SecretSpec secret && status.health() == Health.READY) {
                return withVersions(open, secret, status);
            }
            return status;
        } catch (RuntimeException failed) {
            LOG.debug("Reading the status of {} failed", resource.address(), failed);
            return new ResourceStatus(Health.UNKNOWN, Texts.get("status.read_failed", reason(failed)), Map.of());
        }
    }

    /** Adds the {@code versions}, {@code enabled_versions} and {@code latest_version} details, never a value. */
    private static ResourceStatus withVersions(Workspace open, SecretSpec secret, ResourceStatus status) {
        List<SecretVersion> versions = open.gateway().secretValues().versions(secret.secretId());
        Map<String, String> details = new TreeMap<>(status.details());
        details.put("versions", Integer.toString(versions.size()));
        details.put("enabled_versions", Long.toString(versions.stream()
                .filter(version -> "ENABLED".equals(version.state())).count()));
        versions.stream().map(SecretVersion::version).max(StatusReader::compareVersions)
                .ifPresent(latest -> details.put("latest_version", latest));
        return new ResourceStatus(status.health(), status.summary(), details);
    }

    /** Orders version numbers as numbers, so that 10 comes after 9. */
    private static int compareVersions(String left, String right) {
        try {
            return Long.compare(Long.parseLong(left), Long.parseLong(right));
        } catch (NumberFormatException notNumbers) {
            return left.compareTo(right);
        }
    }

    static String reason(RuntimeException failed) {
        String message = failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
        return failed instanceof CloudException cloud ? cloud.category() + ": " + message : message;
    }
}
