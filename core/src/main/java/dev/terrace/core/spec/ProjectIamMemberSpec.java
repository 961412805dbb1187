package dev.terrace.core.spec;

/**
 * One member holding one role on the project. Terrace adds and removes only this member, so
 * bindings made outside Terrace stay as they are.
 *
 * @param member an IAM member such as {@code serviceAccount:EMAIL} or {@code allUsers}
 */
public record ProjectIamMemberSpec(String role, String member) implements Spec {

    @Override
    public String identity() {
        return role + " " + member;
    }
}
