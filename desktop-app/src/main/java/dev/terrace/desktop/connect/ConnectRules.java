package dev.terrace.desktop.connect;

import dev.terrace.core.stack.Settings;
import dev.terrace.core.validate.SettingRules;
import dev.terrace.desktop.Texts;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** The checks on the connect dialog's fields; each returns the problem with its fix, or "" when fine. */
final class ConnectRules {

    /**
     * A service account email: user-managed accounts end in {@code .iam.gserviceaccount.com},
     * Google-managed ones (Compute Engine, App Engine defaults) in another
     * {@code gserviceaccount.com} domain.
     */
    private static final Pattern SERVICE_ACCOUNT = Pattern.compile("[a-z0-9][a-z0-9._-]*@[a-z0-9.-]*gserviceaccount\\.com");

    private ConnectRules() {
    }

    /**
     * Checks the project id. It must be the stack's own, because the stack's resource names are
     * built from it; connecting elsewhere needs the stack file changed first.
     */
    static String projectProblem(String value, Settings stack, Path stackFile) {
        String project = value == null ? "" : value.trim();
        if (project.isEmpty()) {
            return Texts.get("connect.project_missing");
        }
        String rule = SettingRules.projectIdProblem(project).orElse(null);
        if (rule != null) {
            return Texts.get("connect.invalid_project", project, rule);
        }
        if (stack != null && !project.equals(stack.project())) {
            return Texts.get("connect.project_mismatch", project, stack.project(), stackFile);
        }
        return "";
    }

    static String regionProblem(String value) {
        if (value == null || value.isBlank()) {
            return Texts.get("connect.region_missing");
        }
        return SettingRules.regions().contains(value) ? "" : Texts.get("connect.unknown_region", value);
    }

    static String impersonationProblem(String value) {
        String email = value == null ? "" : value.trim();
        if (email.isEmpty() || SERVICE_ACCOUNT.matcher(email).matches()) {
            return "";
        }
        return Texts.get("connect.invalid_impersonation", email);
    }
}
