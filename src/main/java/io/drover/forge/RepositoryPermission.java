package io.drover.forge;

/**
 * What a user may do in the repository, as the forge says: GitHub's base {@code permission}
 * (admin, write, read, none) and {@code roleName} (admin, maintain, write, triage, read, or a
 * custom role's name). {@code userId} is 0 when the forge does not know the user.
 */
public record RepositoryPermission(String login, long userId, String permission, String roleName) {

    /** Not a collaborator: no permission at all. */
    public static RepositoryPermission none(String login) {
        return new RepositoryPermission(login, 0, "none", "none");
    }
}
