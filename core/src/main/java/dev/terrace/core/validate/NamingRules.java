package dev.terrace.core.validate;

import java.util.Locale;
import java.util.regex.Pattern;

/** The naming rules of each product the stack uses, as their documentation states them. */
final class NamingRules {

    static final NamingRule PROJECT_ID = NamingRule.pattern("project id",
            "6 to 30 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen", "mycoolproject-prod",
            "[a-z][a-z0-9-]{4,28}[a-z0-9]");

    static final NamingRule ACCOUNT_ID = NamingRule.pattern("service account id",
            "6 to 30 lowercase letters, digits or hyphens, starting with a letter and ending with a letter or digit", "mycoolproject-run",
            "[a-z][a-z0-9-]{4,28}[a-z0-9]");

    static final NamingRule SECRET_ID = NamingRule.pattern("secret id",
            "1 to 255 letters, digits, underscores or hyphens", "DATABASE_URL", "[A-Za-z0-9_-]{1,255}");

    static final NamingRule RUN_SERVICE = NamingRule.pattern("Cloud Run service name",
            "1 to 49 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen", "mycoolproject",
            "[a-z]([a-z0-9-]{0,47}[a-z0-9])?");

    static final NamingRule RUN_JOB = NamingRule.pattern("Cloud Run job name",
            "1 to 63 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen", "mycoolproject-worker",
            "[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    static final NamingRule QUEUE_ID = NamingRule.pattern("Cloud Tasks queue id",
            "1 to 100 letters, digits or hyphens", "mycoolproject-default", "[A-Za-z0-9-]{1,100}");

    static final NamingRule SCHEDULER_JOB = NamingRule.pattern("Cloud Scheduler job name",
            "1 to 500 letters, digits, hyphens or underscores", "mycoolproject-worker-trigger", "[A-Za-z0-9_-]{1,500}");

    static final NamingRule REPOSITORY_ID = NamingRule.pattern("Artifact Registry repository id",
            "1 to 63 lowercase letters, digits or hyphens, starting with a letter and ending with a letter or digit", "app-repo",
            "[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    static final NamingRule LABEL_KEY = NamingRule.pattern("label key",
            "1 to 63 lowercase letters, digits, underscores or hyphens, starting with a lowercase letter", "managed-by",
            "\\p{Ll}[\\p{Ll}\\p{Lo}0-9_-]{0,62}");

    static final NamingRule LABEL_VALUE = NamingRule.pattern("label value",
            "0 to 63 lowercase letters, digits, underscores or hyphens", "terrace", "[\\p{Ll}\\p{Lo}0-9_-]{0,63}");

    static final NamingRule ENV_NAME = NamingRule.pattern("environment variable name",
            "letters, digits and underscores, not starting with a digit", "DJANGO_SETTINGS_MODULE", "[A-Za-z_][A-Za-z0-9_]*");

    static final NamingRule IMAGE_TAG = NamingRule.pattern("image tag",
            "1 to 128 letters, digits, underscores, periods or hyphens, not starting with a period or hyphen", "latest",
            "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    static final NamingRule GITHUB_REPOSITORY = NamingRule.pattern("GitHub repository",
            "OWNER/REPO, each part letters, digits, hyphens, underscores or periods", "my-org/my-app",
            "[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    static final NamingRule DOMAIN = NamingRule.pattern("domain",
            "a DNS name such as example.com, without a scheme or a path", "example.com",
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    static final NamingRule MEMORY = NamingRule.pattern("memory",
            "a quantity with a binary unit such as 512Mi or 2Gi", "512Mi", "[1-9][0-9]*(Mi|Gi)");

    static final NamingRule CPU = NamingRule.pattern("cpu",
            "a number of vCPUs such as 1, 2, 4, 8 or a millicore figure such as 1000m", "1", "([1-9][0-9]*(m)?|0\\.[0-9]+)");

    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    static final NamingRule BUCKET = new NamingRule("bucket name",
            "3 to 63 lowercase letters, digits, hyphens, underscores or dots (up to 222 with dots, 63 per part), "
                    + "starting and ending with a letter or digit, not an IP address, "
                    + "not starting with \"goog\" and not containing \"google\"",
            "mycoolproject-prod-static", NamingRules::isValidBucketName);

    private NamingRules() {
    }

    private static boolean isValidBucketName(String name) {
        if (!name.matches("[a-z0-9][a-z0-9._-]*[a-z0-9]")) {
            return false;
        }
        int limit = name.contains(".") ? 222 : 63;
        if (name.length() < 3 || name.length() > limit) {
            return false;
        }
        for (String part : name.split("\\.")) {
            if (part.isEmpty() || part.length() > 63) {
                return false;
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return !IP_ADDRESS.matcher(name).matches() && !lower.startsWith("goog") && !lower.contains("google")
                && !lower.contains("g00gle");
    }
}
