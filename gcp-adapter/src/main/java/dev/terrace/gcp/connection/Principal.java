package dev.terrace.gcp.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity Terrace acts as and the project its quota is charged to, for the user to check
 * before an apply. It is built from the credentials file's public fields only, so no key or token
 * is read.
 *
 * @param source where the credentials came from
 * @param type the credentials file's {@code type}, such as {@code authorized_user},
 *     {@code service_account} or {@code external_account}; {@code metadata} or {@code none}
 *     without a file
 * @param identity the principal as far as it is known without a network call
 * @param impersonated the service account Terrace impersonates, or null
 * @param quotaProject the project charged for quota, or null when the credentials name none
 * @param warnings sentences the user should read before applying
 */
public record Principal(AdcSource source, String type, String identity, String impersonated, String quotaProject,
        List<String> warnings) {

    private static final Pattern IMPERSONATION_URL = Pattern.compile("serviceAccounts/([^/:]+):generateAccessToken");

    public Principal {
        warnings = List.copyOf(warnings);
    }

    /** Returns the principal of an emulator connection, which sends no credentials. */
    public static Principal none() {
        return new Principal(AdcSource.NONE, "none", "no credentials (emulator)", null, null, List.of());
    }

    /**
     * Describes the principal found at a location.
     *
     * @param impersonate the service account email from {@code --impersonate}, or null
     * @param quotaProject the quota project the loaded credentials carry, or null
     */
    public static Principal describe(AdcLocator.Location location, String impersonate, String quotaProject) {
        if (location.file().isEmpty()) {
            return build(location.source(), "metadata", "the service account attached to this machine",
                    impersonate, quotaProject);
        }
        Path file = location.file().get();
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException | RuntimeException unreadable) {
            // Loading reports the real error, so the description only states that it could not look.
            return build(location.source(), "unknown", "the credentials in " + file, impersonate, quotaProject);
        }
        String type = json.path("type").asText("unknown");
        String fileQuotaProject = quotaProject != null ? quotaProject : textOrNull(json, "quota_project_id");
        return build(location.source(), type, identityOf(type, json, file), impersonate, fileQuotaProject);
    }

    private static Principal build(AdcSource source, String type, String identity, String impersonate,
            String quotaProject) {
        List<String> warnings = new ArrayList<>();
        if ("authorized_user".equals(type) && impersonate == null && quotaProject == null) {
            warnings.add("The gcloud user credentials carry no quota project, so APIs such as Service Usage and "
                    + "Resource Manager may reject calls. Run `gcloud auth application-default set-quota-project "
                    + "PROJECT` and try again.");
        }
        return new Principal(source, type, identity, impersonate, quotaProject, warnings);
    }

    private static String identityOf(String type, JsonNode json, Path file) {
        switch (type) {
            case "service_account":
                return "service account " + json.path("client_email").asText("(no client_email)");
            case "authorized_user":
                return "the gcloud user who ran `gcloud auth application-default login`";
            case "impersonated_service_account":
            case "external_account": {
                Optional<String> account = impersonatedAccount(json);
                if (account.isPresent()) {
                    return "service account " + account.get() + " through " + describeType(type);
                }
                return "the federated principal of audience " + json.path("audience").asText("(none)");
            }
            case "external_account_authorized_user":
                return "the workforce identity user of audience " + json.path("audience").asText("(none)");
            default:
                return "the credentials of type " + type + " in " + file;
        }
    }

    private static String describeType(String type) {
        return "external_account".equals(type) ? "workload identity federation" : "impersonation";
    }

    private static Optional<String> impersonatedAccount(JsonNode json) {
        Matcher matcher = IMPERSONATION_URL.matcher(json.path("service_account_impersonation_url").asText(""));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String textOrNull(JsonNode json, String field) {
        String text = json.path(field).asText("");
        return text.isBlank() ? null : text;
    }

    /** Returns one line for the user, such as "service account a@p.iam.gserviceaccount.com (quota project p)". */
    public String summary() {
        String who = impersonated == null ? identity : "service account " + impersonated + ", impersonated by "
                + identity;
        return who + (quotaProject == null ? " (no quota project)" : " (quota project " + quotaProject + ")");
    }
}
