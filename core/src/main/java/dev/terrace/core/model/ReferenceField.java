package dev.terrace.core.model;

/**
 * A spec field that may hold another resource's address instead of a literal value. The stack
 * loader replaces the address with the value the target implies and records the dependency.
 *
 * @param path dotted field path in snake case, where {@code *} matches any map key or list item
 * @param target the kind the address must name
 * @param form how the target becomes a value
 */
public record ReferenceField(String path, ResourceKind target, Form form) {

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
        return new ReferenceField(path, ResourceKind.SERVICE_ACCOUNT, Form.EMAIL);
    }

    static ReferenceField member(String path) {
        return new ReferenceField(path, ResourceKind.SERVICE_ACCOUNT, Form.MEMBER);
    }

    static ReferenceField secretId(String path) {
        return new ReferenceField(path, ResourceKind.SECRET, Form.SECRET_ID);
    }

    static ReferenceField jobRunUri(String path) {
        return new ReferenceField(path, ResourceKind.RUN_JOB, Form.JOB_RUN_URI);
    }
}
