package dev.terrace.core.secret;

import dev.terrace.core.port.SecretVersion;

/** The version a secret operation produced or changed, and what that means for running revisions. */
public record SecretChange(SecretVersion version, RevisionImpact impact) {
}
