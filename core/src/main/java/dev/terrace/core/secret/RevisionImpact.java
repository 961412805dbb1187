package dev.terrace.core.secret;

import java.util.List;

/**
 * The meaning of a secret change for the running revisions, in plain sentences.
 *
 * @param notes one sentence per service or job that reads the secret, or one saying none does
 * @param rolloutSuggested whether rolling out a new revision would bring the change to a service
 *     or job that reads {@code latest}, because Cloud Run reads a secret only when an instance starts
 */
public record RevisionImpact(List<String> notes, boolean rolloutSuggested) {

    public RevisionImpact {
        notes = List.copyOf(notes);
    }
}
