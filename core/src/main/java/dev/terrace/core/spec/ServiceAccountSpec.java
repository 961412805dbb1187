package dev.terrace.core.spec;

/** An IAM service account; its email is {@code accountId@PROJECT.iam.gserviceaccount.com}. */
public record ServiceAccountSpec(String accountId, String displayName, String description) implements Spec {

    @Override
    public String identity() {
        return accountId;
    }

    /** Returns the account's email in the given project. */
    public String email(String project) {
        return accountId + "@" + project + ".iam.gserviceaccount.com";
    }
}
