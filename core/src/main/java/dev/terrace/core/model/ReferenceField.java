package dev.terrace.core.model;

/**
 * A spec field that may hold another resource's address instead of a literal value. The stack
 * loader replaces the address with the value the target implies and records the dependency.
 *
 * @param path dotted field path in snake case, where {@code *} matches any map key or list item
 * @param targetKey the key of the kind the address must name. It is a key rather than the kind,
 *     because the kinds build their reference fields while the enum is still being initialised.
 * @param form how the target becomes a value
 */
public record ReferenceField(String path, String targetKey, Form form) {

    /** Returns the kind the address must name. */
    public ResourceKind target() {
        return ResourceKind.byKey(targetKey).orElseThrow();
    }

    /** The value a reference turns into. */
    public enum Form {
        /** A service account's email. */
        EMAIL,
        /** An IAM member, {@code serviceAccount:EMAIL}. */
        MEMBER,
        /** A secret's id. */
        SECRET_ID,
        /** The Cloud Run Admin API URL that runs a job. */
        JOB_RUN_URI
    }

    static ReferenceField email(String path) {
        return new ReferenceField(path, "service_account", Form.EMAIL);
    }

    static ReferenceField member(String path) {
        return new ReferenceField(path, "service_account", Form.MEMBER);
    }

    static ReferenceField secretId(String path) {
        return new ReferenceField(path, "secret", Form.SECRET_ID);
    }

    static ReferenceField jobRunUri(String path) {
        return new ReferenceField(path, "run_job", Form.JOB_RUN_URI);
    }
}
