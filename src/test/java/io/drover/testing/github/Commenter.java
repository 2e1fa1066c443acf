package io.drover.testing.github;

/**
 * Who a comment is by, as GitHub shows it: the user's numeric id and login, whether the account
 * is a bot ({@code user.type} "Bot"), and whether an app made the comment on the user's behalf
 * ({@code performed_via_github_app}).
 */
public record Commenter(long id, String login, boolean bot, boolean viaApp) {

    /** The identity of the token the client uses: the user of GitHub's own examples. */
    public static final Commenter TOKEN_USER = new Commenter(1, "octocat", false, false);

    public static Commenter user(long id, String login) {
        return new Commenter(id, login, false, false);
    }

    public static Commenter bot(long id, String login) {
        return new Commenter(id, login, true, false);
    }
}
