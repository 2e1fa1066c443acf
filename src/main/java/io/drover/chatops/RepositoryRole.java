package io.drover.chatops;

import java.util.Locale;

/**
 * A commenter's role on the fleet repository, from GitHub's collaborator permission answer:
 * {@code role_name} when it is one of GitHub's own roles, else (a custom role) the base
 * {@code permission} it maps to.
 */
public enum RepositoryRole {
    ADMIN, MAINTAIN, WRITE, TRIAGE, READ, NONE;

    public static RepositoryRole of(String roleName, String permission) {
        RepositoryRole role = parse(roleName);
        return role != null ? role : parse(permission) != null ? parse(permission) : NONE;
    }

    /** Write, maintain and admin may change what Drover does to the fleet. */
    public boolean canWrite() {
        return this == ADMIN || this == MAINTAIN || this == WRITE;
    }

    private static RepositoryRole parse(String name) {
        if (name == null) {
            return null;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
