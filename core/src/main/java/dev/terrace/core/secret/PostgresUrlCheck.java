package dev.terrace.core.secret;

import dev.terrace.core.diag.Messages;
import java.util.Optional;

/**
 * Checks that a database URL is a Postgres URL with TLS required, as the app's database host
 * demands: {@code postgres://USER:PASSWORD@HOST/DB?sslmode=require}. It works on the characters
 * in place, so the URL never becomes a {@link String}.
 */
public final class PostgresUrlCheck {

    private static final String[] SCHEMES = {"postgres://", "postgresql://"};
    private static final String SSL_REQUIRE = "sslmode=require";

    private PostgresUrlCheck() {
    }

    /** Returns the first problem in words, or empty when the URL passes. */
    public static Optional<String> problem(char[] url) {
        int hostStart = schemeEnd(url);
        if (hostStart < 0) {
            return Optional.of(Messages.get("secret.database_url.scheme"));
        }
        int query = indexOf(url, '?', hostStart);
        int authorityEnd = indexOf(url, '/', hostStart);
        if (authorityEnd < 0 || (query >= 0 && query < authorityEnd)) {
            authorityEnd = query < 0 ? url.length : query;
        }
        int at = lastIndexOf(url, '@', hostStart, authorityEnd);
        int host = at < 0 ? hostStart : at + 1;
        if (host >= authorityEnd || url[host] == ':') {
            return Optional.of(Messages.get("secret.database_url.host"));
        }
        if (query < 0 || !hasParameter(url, query + 1, SSL_REQUIRE)) {
            return Optional.of(Messages.get("secret.database_url.sslmode"));
        }
        return Optional.empty();
    }

    private static int schemeEnd(char[] url) {
        for (String scheme : SCHEMES) {
            if (startsWith(url, 0, scheme)) {
                return scheme.length();
            }
        }
        return -1;
    }

    /** Returns whether the query string from {@code start} has a {@code &}-separated parameter equal to {@code parameter}. */
    private static boolean hasParameter(char[] url, int start, String parameter) {
        int position = start;
        while (position <= url.length) {
            int end = indexOf(url, '&', position);
            end = end < 0 ? url.length : end;
            if (end - position == parameter.length() && startsWith(url, position, parameter)) {
                return true;
            }
            position = end + 1;
        }
        return false;
    }

    private static boolean startsWith(char[] text, int offset, String prefix) {
        if (text.length - offset < prefix.length()) {
            return false;
        }
        for (int index = 0; index < prefix.length(); index++) {
            if (text[offset + index] != prefix.charAt(index)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(char[] text, char expected, int from) {
        for (int index = from; index < text.length; index++) {
            if (text[index] == expected) {
                return index;
            }
        }
        return -1;
    }

    private static int lastIndexOf(char[] text, char expected, int from, int to) {
        for (int index = to - 1; index >= from; index--) {
            if (text[index] == expected) {
                return index;
            }
        }
        return -1;
    }
}
