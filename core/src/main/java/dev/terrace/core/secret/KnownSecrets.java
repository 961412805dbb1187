package dev.terrace.core.secret;

import java.util.Set;

/** The secrets the Django-on-Cloud-Run app reads, each of which must be text. */
final class KnownSecrets {

    static final String DATABASE_URL = "DATABASE_URL";
    static final String DJANGO_SECRET_KEY = "DJANGO_SECRET_KEY";
    static final String EMAIL_PORT = "EMAIL_PORT";

    private static final Set<String> NAMES = Set.of(DATABASE_URL, DJANGO_SECRET_KEY, "GOOGLE_CLIENT_ID",
            "GOOGLE_CLIENT_SECRET", "EMAIL_HOST", EMAIL_PORT, "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD");

    private KnownSecrets() {
    }

    static boolean isKnown(String secretId) {
        return NAMES.contains(secretId);
    }
}
