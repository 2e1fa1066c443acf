package io.drover.forge;

import java.util.List;
import java.util.Optional;

/**
 * The narrow view Drover has of a code-review forge. One adapter per forge (GitHub); vendor
 * types never leave the adapter.
 */
public interface Forge {

    /** Open pull requests into the base branch whose head branch starts with {@code headPrefix}. */
    List<PullRequest> openPullRequests(String headPrefix) throws ForgeException;

    /** The newest pull request from this head branch, open, closed or merged. */
    Optional<PullRequest> findByHead(String head) throws ForgeException;

    /**
     * Opens the pull request with its labels. Where the forge needs more than one request for this
     * (GitHub: create, then label), a failure may leave it open without its labels.
     */
    PullRequest open(NewPullRequest request) throws ForgeException;

    /** Adds labels to the pull request; those it already has stay. */
    void addLabels(int number, List<String> labels) throws ForgeException;

    /** Sets the pull request's title and body. */
    void edit(int number, String title, String body) throws ForgeException;

    void comment(int number, String body) throws ForgeException;

    /** Every comment on the pull request, oldest first. */
    List<Comment> comments(int number) throws ForgeException;

    /** Whether some comment on the pull request contains {@code marker}: how "comment once" stays once. */
    default boolean hasComment(int number, String marker) throws ForgeException {
        return comments(number).stream().anyMatch(c -> c.body().contains(marker));
    }

    MergeReadiness readiness(int number) throws ForgeException;

    /**
     * Merges with a merge commit if the head is still {@code headSha}; {@code message} goes into the
     * merge commit's message after the title the forge gives it. False when the forge refuses (not
     * mergeable, head moved).
     */
    boolean merge(int number, String headSha, String message) throws ForgeException;

    void close(int number) throws ForgeException;

    /** Sets a status on a commit; a later one with the same context replaces it. */
    void status(String sha, CommitStatus status) throws ForgeException;
}
