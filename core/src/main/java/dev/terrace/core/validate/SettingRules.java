package dev.terrace.core.validate;

import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The validator's rules for the stack settings a front end lets the user choose, such as a
 * connect dialog's region list and project field, so that the choice and the stack file are
 * checked alike.
 */
public final class SettingRules {

    private SettingRules() {
    }

    /** Returns the Google Cloud regions the validator accepts, sorted by name. */
    public static SortedSet<String> regions() {
        return new TreeSet<>(Regions.KNOWN);
    }

    /** Returns the project id rule in words when {@code projectId} breaks it, else empty. */
    public static Optional<String> projectIdProblem(String projectId) {
        return NamingRules.PROJECT_ID.check(projectId);
    }
}
