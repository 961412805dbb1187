package dev.terrace.core.secret;

import dev.terrace.core.diag.Messages;
import dev.terrace.core.port.SecretVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the {@link RevisionImpact} of a change. Cloud Run resolves a secret environment variable
 * when an instance starts, so a change reaches running instances only through a new revision or
 * a new instance, and {@code latest} names the newest version whatever its state.
 */
final class ImpactNotes {

    private ImpactNotes() {
    }

    /** Describes a version just added to the secret. */
    static RevisionImpact afterAdd(String secretId, List<SecretReader> readers, SecretVersion added) {
        List<String> notes = new ArrayList<>();
        boolean rollout = false;
        boolean affected = false;
        for (SecretReader reader : readers) {
            if (reader.pinned()) {
                notes.add(Messages.get("secret.impact.add_pinned", reader.resource(), reader.envVar(), secretId,
                        reader.version()));
            } else {
                notes.add(Messages.get("secret.impact.add_latest", reader.resource(), reader.envVar(), secretId,
                        added.version()));
                rollout = true;
                affected = true;
            }
        }
        return finish(secretId, notes, affected, rollout);
    }

    /**
     * Describes a change of state of one version.
     *
     * @param newest the secret's newest version after the change, the one {@code latest} names
     */
    static RevisionImpact afterStateChange(String secretId, List<SecretReader> readers, SecretVersion changed,
            SecretVersion newest) {
        boolean usable = changed.state().equals("ENABLED");
        boolean isNewest = newest != null && newest.version().equals(changed.version());
        List<String> notes = new ArrayList<>();
        boolean rollout = false;
        boolean affected = false;
        for (SecretReader reader : readers) {
            boolean reads = reader.pinned() ? reader.version().equals(changed.version()) : isNewest;
            if (!reads) {
                notes.add(Messages.get("secret.impact.unaffected", reader.resource(), reader.envVar(), secretId,
                        reader.version()));
            } else if (usable) {
                notes.add(Messages.get("secret.impact.usable", reader.resource(), reader.envVar(), secretId,
                        changed.version()));
                rollout = true;
                affected = true;
            } else {
                notes.add(Messages.get("secret.impact.unusable", reader.resource(), reader.envVar(), secretId,
                        changed.version(), changed.state()));
                affected = true;
            }
        }
        return finish(secretId, notes, affected, rollout);
    }

    private static RevisionImpact finish(String secretId, List<String> notes, boolean affected, boolean rollout) {
        if (notes.isEmpty()) {
            notes.add(Messages.get("secret.impact.no_readers", secretId));
        } else if (affected) {
            notes.add(Messages.get(rollout ? "secret.impact.running_rollout" : "secret.impact.running_keep"));
        }
        return new RevisionImpact(notes, rollout);
    }
}
