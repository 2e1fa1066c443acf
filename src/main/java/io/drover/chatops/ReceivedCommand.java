package io.drover.chatops;

import io.drover.forge.Comment;

/**
 * A command from a new, unedited comment by a person, not answered yet, with the commenter's role
 * and the verdict on whether they may give it. {@code thread} is the pull request or issue it is on.
 * Only the first command of a comment acts; {@code ignoredAfter} counts the ones after it.
 */
public record ReceivedCommand(int thread, Comment comment, Command command, Commenter commenter, RepositoryRole role,
        CommandAccess.Verdict verdict, int ignoredAfter) {

    public String mention() {
        return "@" + commenter.login();
    }
}
